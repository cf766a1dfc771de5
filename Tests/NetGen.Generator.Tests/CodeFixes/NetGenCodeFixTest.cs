using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.CodeFixes;

/// <summary>
/// Microsoft.CodeAnalysis.Testing's code fix test with the NetGen generator as the only source of
/// diagnostics: no analyzer (<see cref="EmptyDiagnosticAnalyzer"/>), and the generator through
/// <see cref="GetSourceGenerators"/>, whose diagnostics the test collects with the compiler's. The
/// before text marks each NG diagnostic with <c>{|NG0xxx:span|}</c>; the after text is the fixed source,
/// which is run through the generator again (so a fix that leaves a diagnostic must mark it).
/// References are the same in-process set as the other generator tests: nothing is downloaded.
/// </summary>
/// <remarks>
/// The generator keeps locations as values (file path + span, no syntax tree), so Roslyn reports its
/// diagnostics with external-file locations. The IDE maps such a location to the document with that
/// file path before it asks code fixes; the testing library (1.1.4) instead drops every diagnostic
/// without a syntax tree from the fixable set. <see cref="GetProjectCompilationAsync"/> does the IDE's
/// mapping here, keeping ID, message, severity and properties, so the fixes see what the IDE gives them.
/// </remarks>
internal sealed class NetGenCodeFixTest<TCodeFix> : CSharpCodeFixTest<EmptyDiagnosticAnalyzer, TCodeFix, DefaultVerifier>
    where TCodeFix : CodeFixProvider, new()
{
    public const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;


        """;

    public NetGenCodeFixTest(string before, string after)
    {
        TestCode = Usings + before;
        FixedCode = Usings + after;
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(GeneratorHarness.References);
        TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        // A model with an NG error is not generated, so the compiler adds follow-on errors
        // (unimplemented partial members); the NG diagnostics are the ones under test.
        CompilerDiagnostics = CompilerDiagnostics.None;
    }

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(NetGenGenerator) };

    protected override async Task<(Compilation compilation, ImmutableArray<Diagnostic> generatorDiagnostics)> GetProjectCompilationAsync(
        Project project, IVerifier verifier, CancellationToken cancellationToken)
    {
        var (compilation, generatorDiagnostics) = await base.GetProjectCompilationAsync(project, verifier, cancellationToken).ConfigureAwait(false);
        return (compilation, generatorDiagnostics.Select(d => InSourceTree(d, compilation)).ToImmutableArray());
    }

    /// <summary>The diagnostic placed in the syntax tree whose path its external-file location names, as the IDE places it.</summary>
    private static Diagnostic InSourceTree(Diagnostic diagnostic, Compilation compilation)
    {
        var location = diagnostic.Location;
        var tree = location.Kind == LocationKind.ExternalFile
            ? compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == location.GetLineSpan().Path)
            : null;
        if (tree is null)
        {
            return diagnostic;
        }

        var descriptor = diagnostic.Descriptor;
        return Diagnostic.Create(
            diagnostic.Id, descriptor.Category, diagnostic.GetMessage(CultureInfo.InvariantCulture), diagnostic.Severity,
            descriptor.DefaultSeverity, descriptor.IsEnabledByDefault, diagnostic.WarningLevel, descriptor.Title,
            descriptor.Description, descriptor.HelpLinkUri, Location.Create(tree, location.SourceSpan),
            customTags: descriptor.CustomTags, properties: diagnostic.Properties);
    }

    protected override ParseOptions CreateParseOptions() => GeneratorHarness.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() =>
        ((CSharpCompilationOptions)base.CreateCompilationOptions()).WithNullableContextOptions(NullableContextOptions.Enable);

    /// <summary>Fixes every marked diagnostic one at a time, and also all at once (fix-all in document, project and solution).</summary>
    public static Task VerifyAsync(string before, string after) => new NetGenCodeFixTest<TCodeFix>(before, after).RunAsync();

    /// <summary>Applies the fix registered under <paramref name="equivalenceKey"/> only; others are ignored.</summary>
    public static Task VerifyAsync(string before, string after, string equivalenceKey) =>
        new NetGenCodeFixTest<TCodeFix>(before, after) { CodeActionEquivalenceKey = equivalenceKey }.RunAsync();

    /// <summary>The fix offers nothing here: the source stays as it is.</summary>
    public static Task VerifyNoFixAsync(string source) => new NetGenCodeFixTest<TCodeFix>(source, source).RunAsync();
}
