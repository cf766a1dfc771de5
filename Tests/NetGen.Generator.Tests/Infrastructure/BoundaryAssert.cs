using System.Globalization;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>What a model whose check stops at something NetGen cannot read must show: it builds, no NG error, and one NG0110 naming it.</summary>
internal static class BoundaryAssert
{
    public static void Unchecked(GeneratorRun run, string named)
    {
        Assert.Empty(run.CompilationErrors);
        // The harness builds with warnings as errors; NG0110 is the warning that says checking stopped.
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Id != "NG0110" && d.Severity == DiagnosticSeverity.Error));
        Assert.Contains(named, Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0110").GetMessage(CultureInfo.InvariantCulture));
    }
}
