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
/// Microsoft.CodeAnalysis.Testing's code fix test with NetGen as a build runs it: the generator through
/// <see cref="GetSourceGenerators"/> and <see cref="NetGen.Generator.Analyzer.NetGenAnalyzer"/> reporting the
/// NG diagnostics. The before text marks each NG diagnostic with <c>{|NG0xxx:span|}</c>; the after text is the
/// fixed source, which is run through both again (so a fix that leaves a diagnostic must mark it).
/// References are the same in-process set as the other generator tests: nothing is downloaded.
/// </summary>
internal sealed class NetGenCodeFixTest<TCodeFix> : CSharpCodeFixTest<NetGen.Generator.Analyzer.NetGenAnalyzer, TCodeFix, DefaultVerifier>
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
        // A model with an NG error gets a stub that compiles; the NG diagnostics are the ones under test.
        CompilerDiagnostics = CompilerDiagnostics.None;
    }

    protected override IEnumerable<Type> GetSourceGenerators() => new[] { typeof(NetGenGenerator) };

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
