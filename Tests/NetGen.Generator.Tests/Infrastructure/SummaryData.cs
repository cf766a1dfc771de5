using System.Text.RegularExpressions;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>A model's compile-time summary as NetGen generates it: the data literal that <c>ModelSummary.Parse</c> reads.</summary>
internal static class SummaryData
{
    /// <summary>The data of <paramref name="model"/>'s summary in the generated file <paramref name="hintName"/>, unescaped.</summary>
    public static string Of(GeneratorRun run, string hintName, string model)
    {
        var code = run.Generated(hintName);
        var literal = Regex.Match(code, $@"ModelSummary\.Parse\(""{Regex.Escape(model)}"", ""(.*?)""\);").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(literal), code);
        return literal.Replace(@"\t", "\t").Replace(@"\n", "\n");
    }
}
