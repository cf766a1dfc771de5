using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// NetGen's analyzer on its own: the same text in new syntax trees, where no parse the generator made can answer
/// (<c>ParseReuse</c> keys each parse by its syntax node), and no analysis kept from an earlier run either. What the
/// analyzer reports from the generator's parses and analyses must equal what it reports here.
/// </summary>
internal static class ColdAnalysis
{
    /// <summary>Set to 1 to check every test's analyzer diagnostics against a cold run (slow; a whole-suite check).</summary>
    public const string EverywhereVariable = "NETGEN_COLD_ANALYZER";

    public static bool Everywhere { get; } = Environment.GetEnvironmentVariable(EverywhereVariable) == "1";

    /// <summary>
    /// The analyzer's diagnostics on new trees, with no kept analysis either (<see cref="NothingKept"/>): everything
    /// parsed and analysed afresh, so that both kinds of reuse are checked against it.
    /// </summary>
    public static ImmutableArray<Diagnostic> AnalyzerDiagnostics(Compilation compilation)
    {
        using var fresh = NothingKept.Scope();
        return Reparsed(compilation)
            .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new NetGen.Generator.Analyzer.NetGenAnalyzer()))
            .GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    /// <summary>NG diagnostics as text (id, severity, file, span and message), sorted: comparable across two compilations' trees.</summary>
    public static List<string> Described(IEnumerable<Diagnostic> diagnostics) =>
        diagnostics.Where(d => d.Id.StartsWith("NG", StringComparison.Ordinal))
            .Select(d => $"{d.Id} {d.Severity} {d.Location.GetLineSpan()}: {d.GetMessage(CultureInfo.InvariantCulture)}")
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>The differences between the analyzer's diagnostics from the generator's parses and a cold run's; empty when they agree.</summary>
    public static List<string> Differences(Compilation compilation, IEnumerable<Diagnostic> reused)
    {
        var warm = Described(reused);
        var cold = Described(AnalyzerDiagnostics(compilation));
        return warm.Except(cold).Select(d => "reused only: " + d).Concat(cold.Except(warm).Select(d => "cold only: " + d)).ToList();
    }

    private static Compilation Reparsed(Compilation compilation) =>
        compilation.RemoveAllSyntaxTrees().AddSyntaxTrees(compilation.SyntaxTrees.Select(t =>
            CSharpSyntaxTree.ParseText(t.GetText(), (CSharpParseOptions)t.Options, t.FilePath)));
}
