using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.CrossAssembly;

/// <summary>
/// A class library of NetGen models compiled with the generator and emitted in memory, as a build would
/// write its dll, and a consumer compiled against it. The same sources compiled as one project are the
/// reference the cross-assembly results must match.
/// </summary>
internal static class TwoAssemblies
{
    public const string LibraryName = "BlockLibrary";

    /// <summary>Runs the generator on the library's sources and emits the result; the library must compile cleanly.</summary>
    public static MetadataReference Library(params string[] sources) => Emit(LibraryRun(sources).Output);

    public static GeneratorRun LibraryRun(params string[] sources)
    {
        var run = GeneratorHarness.Run(Compile(LibraryName, "Library", sources, GeneratorHarness.References));
        var errors = run.GeneratorDiagnostics.Concat(run.Output.GetDiagnostics()).Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.True(errors.Count == 0, "the library does not compile:\n" + string.Join("\n", errors));
        return run;
    }

    /// <summary>
    /// The library as another NetGen, or a damaged file, would leave it: every descriptor's text (as it stands
    /// in the generated C# literal) passed through <paramref name="rewrite"/> before the dll is emitted.
    /// </summary>
    public static MetadataReference LibraryWithDescriptors(Func<string, string> rewrite, params string[] sources)
    {
        var output = LibraryRun(sources).Output;
        foreach (var tree in output.SyntaxTrees.Where(t => t.ToString().Contains(DescriptorAttribute, StringComparison.Ordinal)).ToList())
        {
            var text = DescriptorLiteral.Replace(tree.ToString(), match => match.Groups["head"].Value + rewrite(match.Groups["text"].Value) + "\")]");
            output = output.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(text, System.Text.Encoding.UTF8)));
        }

        return Emit(output);
    }

    private const string DescriptorAttribute = "[assembly: global::NetGen.ModelDescriptor(typeof(";

    private static readonly System.Text.RegularExpressions.Regex DescriptorLiteral = new(
        @"(?<head>\[assembly: global::NetGen\.ModelDescriptor\(typeof\([^)]*\), "")(?<text>(?:[^""\\]|\\.)*)""\)\]");

    /// <summary>The model <paramref name="metadataName"/> of a library run, parsed as the generator parses it.</summary>
    public static Model.ModelSpec ParsedModel(GeneratorRun run, string metadataName)
    {
        var type = run.Output.GetTypeByMetadataName(metadataName)!;
        return ModelAnalysis.Parse(type, Parsing.ModelDeclarations.Primary(type)!, run.Output, System.Threading.CancellationToken.None).Model!;
    }

    /// <summary>The compilation as a dll image, referenced as a built project or an unpacked package is.</summary>
    public static MetadataReference Emit(Compilation compilation)
    {
        using var image = new MemoryStream();
        var result = compilation.Emit(image);
        Assert.True(result.Success, "emit failed:\n" + string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return MetadataReference.CreateFromImage(image.ToArray());
    }

    /// <summary>The consumer's sources against the library's dll.</summary>
    public static GeneratorRun Consumer(MetadataReference library, params string[] sources) =>
        GeneratorHarness.Run(Compile("Consumer", "Consumer", sources, GeneratorHarness.References.Add(library)));

    /// <summary>The consumer's sources and the library's in one compilation: the blocks sit in the same project.</summary>
    public static GeneratorRun OneProject(string[] library, string[] consumer) =>
        GeneratorHarness.Run(Compile("Consumer", "Consumer", consumer, GeneratorHarness.References, library));

    /// <summary>Files are named <c>{prefix}{i}.cs</c>, so a diagnostic's file tells whose source it is in.</summary>
    public static CSharpCompilation Compile(string assemblyName, string prefix, string[] sources, IEnumerable<MetadataReference> references, string[]? librarySources = null) =>
        CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, GeneratorHarness.ParseOptions, path: $"{prefix}{i}.cs"))
                .Concat((librarySources ?? Array.Empty<string>()).Select((s, i) => CSharpSyntaxTree.ParseText(s, GeneratorHarness.ParseOptions, path: $"Library{i}.cs"))),
            references,
            GeneratorHarness.StrictOptions);

    /// <summary>The NG diagnostics in the consumer's own files, as id and message, in source order.</summary>
    public static IReadOnlyList<string> ConsumerDiagnostics(GeneratorRun run) =>
        run.GeneratorDiagnostics
            .Where(d => d.Location.SourceTree?.FilePath.StartsWith("Consumer", StringComparison.Ordinal) == true)
            .OrderBy(d => d.Location.SourceTree!.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ThenBy(d => d.Id, StringComparer.Ordinal)
            .Select(d => $"{d.Id} {d.Severity} {d.Location.GetLineSpan().StartLinePosition}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
}
