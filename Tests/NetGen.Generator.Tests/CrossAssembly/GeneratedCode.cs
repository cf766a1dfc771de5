using System;

namespace NetGen.Generator.Tests.CrossAssembly;

/// <summary>The parts of a generated model file that the cross-assembly tests compare one by one.</summary>
internal static class GeneratedCode
{
    /// <summary>The constructor's body: every layer built with its sizes, inferred ones included.</summary>
    public static string ConstructorBody(string code) => Between(code, "/// <summary>Creates and registers every declared layer", "// from: ");

    /// <summary>The compact summary text the generated <c>Summary</c> parses.</summary>
    public static string SummaryText(string code) => Between(code, "global::NetGen.ModelSummary.Parse(", ");\n");

    /// <summary>The nested <c>Keys</c> constants.</summary>
    public static string Keys(string code) => Between(code, "public static class Keys", "#pragma warning restore CS8981");

    /// <summary>The <c>StateSchema</c> property's body.</summary>
    public static string StateSchema(string code) => Between(code, "new global::NetGen.StateSchemaBuilder(this);", "return schema.Entries;");

    private static string Between(string code, string start, string end)
    {
        var from = code.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"no '{start}' in the generated code:\n{code}");
        var to = code.IndexOf(end, from + start.Length, StringComparison.Ordinal);
        Assert.True(to >= 0, $"no '{end}' after '{start}' in the generated code:\n{code}");
        return code.Substring(from, to - from);
    }
}
