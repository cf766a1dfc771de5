using System;
using System.Collections.Immutable;
using System.Linq;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NetGen.Generator;

namespace NetGen.GeneratorBenchmark.Keystroke;

/// <summary>
/// The 200-model project in memory, as an IDE holds it: one compilation, a generator driver warmed on it, and the
/// compilations one keystroke later. Roslyn reuses every unchanged syntax tree, as the IDE's workspace does.
/// </summary>
internal sealed class KeystrokeProject
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

    private static readonly ImmutableArray<MetadataReference> References = Net100.References.All.Cast<MetadataReference>()
        .Concat(new[] { typeof(TorchSharp.torch).Assembly, typeof(NetGen.ModelAttribute).Assembly, typeof(NetGen.ModelSummary).Assembly }
            .Distinct().Select(a => MetadataReference.CreateFromFile(a.Location)))
        .ToImmutableArray();

    /// <param name="trackSteps">Whether the driver records each step's outputs, as the step report needs. An IDE does not,
    /// and the recording costs about a third of a keystroke, so the timed runs leave it off.</param>
    public KeystrokeProject(int models, bool trackSteps)
    {
        var families = models / SyntheticProjects.KindsPerFamily;
        var trees = SyntheticProjects.NetGenSources(families)
            .Select(m => CSharpSyntaxTree.ParseText(m.Source, ParseOptions, path: m.Name + ".cs"))
            .ToList();
        Models = trees.Count;
        trees.Add(Scratch(0));
        Compilation = CSharpCompilation.Create("WithNetGen", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        EditedFile = SyntheticProjects.EditedFile(families);
        Warm = CreateDriver(trackSteps).RunGenerators(Compilation);
    }

    public int Models { get; }

    public CSharpCompilation Compilation { get; }

    /// <summary>The model the edits touch: one in the middle of the set, the command-line benchmark's.</summary>
    public string EditedFile { get; }

    /// <summary>The driver after a first run, holding every step's cached output.</summary>
    public GeneratorDriver Warm { get; }

    public static GeneratorDriver CreateDriver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            new[] { new NetGenGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>The compilation with <paramref name="edit"/> applied to the edited model's file.</summary>
    public CSharpCompilation Edited(Func<string, string> edit)
    {
        var tree = Compilation.SyntaxTrees.Single(t => t.FilePath == EditedFile);
        var text = tree.GetText().ToString();
        var changed = edit(text);
        if (changed == text)
        {
            throw new InvalidOperationException($"the edit changed nothing in {EditedFile}");
        }

        return Compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(changed)));
    }

    /// <summary>The edits a keystroke makes: a comment inside the class, a digit in an attribute, and a file no model is in.</summary>
    public static string CommentInModel(string text) => Once(text, "    [MaxPool2d(2, Stride = 2)]\n    public partial MaxPool2d pool1", "    // a comment typed here\n    [MaxPool2d(2, Stride = 2)]\n    public partial MaxPool2d pool1");

    public static string AttributeInModel(string text) => Once(text, "[Flatten, Linear(128), ReLU]", "[Flatten, Linear(129), ReLU]");

    private static string Once(string text, string find, string replace)
    {
        var at = text.IndexOf(find, StringComparison.Ordinal);
        if (at < 0 || text.IndexOf(find, at + 1, StringComparison.Ordinal) >= 0)
        {
            throw new InvalidOperationException($"'{find}' is not in the edited file exactly once");
        }

        return text.Substring(0, at) + replace + text.Substring(at + find.Length);
    }

    /// <summary>The compilation with the one file that declares no model edited: the keystroke lands outside every model.</summary>
    public CSharpCompilation UnrelatedEdit() =>
        Compilation.ReplaceSyntaxTree(Compilation.SyntaxTrees.Single(t => t.FilePath == "Scratch.cs"), Scratch(1));

    private static SyntaxTree Scratch(int value) =>
        CSharpSyntaxTree.ParseText($"namespace Synthetic.Models; public static class Scratch {{ public static int Value => {value}; }}", ParseOptions, path: "Scratch.cs");
}
