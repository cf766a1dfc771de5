using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Microsoft.CodeAnalysis.Testing's generator test, set up to need no download: its reference
/// assemblies are the same in-process set the harness uses (Basic.Reference.Assemblies + TorchSharp +
/// NetGen). Diagnostics are written as <c>{|NG0001:span|}</c> markup in the source.
/// </summary>
internal sealed class GeneratorDiagnosticTest : CSharpSourceGeneratorTest<NetGenGenerator, DefaultVerifier>
{
    public GeneratorDiagnosticTest(string source)
    {
        TestCode = source;
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        // Only the diagnostics are under test here; generated text is covered by snapshot tests.
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        // A model with a declaration error gets a stub that compiles, so the NG diagnostics are the only
        // errors; the compiler's own are checked by the tests that compile the generated code.
        CompilerDiagnostics = CompilerDiagnostics.None;
    }

    /// <summary>NG diagnostics come from the analyzer, which sees the model and the generated code as a build does.</summary>
    protected override System.Collections.Generic.IEnumerable<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer> GetDiagnosticAnalyzers() =>
        new Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer[] { new NetGen.Generator.Analyzer.NetGenAnalyzer() };

    protected override ParseOptions CreateParseOptions() => GeneratorHarness.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

    public static Task VerifyAsync(string source) => new GeneratorDiagnosticTest(source).RunAsync();

    /// <summary>As <see cref="VerifyAsync(string)"/>, with an .editorconfig at the project root.</summary>
    public static Task VerifyAsync(string source, string editorConfig)
    {
        var test = new GeneratorDiagnosticTest(source);
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", editorConfig));
        return test.RunAsync();
    }
}
