using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Mutation;

/// <summary>One sample source file: its name (relative to the samples) and its text.</summary>
public sealed record SampleFile(string Name, string Text);

/// <summary>
/// A model the oracle runs: built with its default hyperparameters and run forward on one dummy input of
/// its declared <c>[Model(Input = ...)]</c> shape. A mutant is run through every root that uses the
/// mutated file.
/// </summary>
public sealed record RootModel(string TypeName, IReadOnlyList<string> Files)
{
    public string ShortName => TypeName.Substring(TypeName.LastIndexOf('.') + 1);
}

/// <summary>The mutation sources: the seed models, the torchvision models and FashionNet, plus the roots.</summary>
public static class SampleSet
{
    /// <summary>
    /// SeedBlock is used by no sample model, so the harness adds one use site: the seed's own
    /// <c>SeedBlock(64, 128, 2)</c> (the instance the runtime tests build). It is never mutated.
    /// </summary>
    public const string HarnessFileName = "Harness/SeedBlockUse.cs";

    private const string HarnessSource = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace NetGen.Mutation.Roots;

        [Model(Input = [64, 56, 56])]
        public partial class SeedBlockUse : nn.Module<Tensor, Tensor>
        {
            [Block<NetGen.Samples.SeedBlock>(64, 128, 2)]
            public partial Sequential block { get; }
        }
        """;

    public static readonly IReadOnlyList<RootModel> Roots =
    [
        new("NetGen.Samples.Net", ["SeedModels/Net.cs"]),
        new("NetGen.Samples.Models.FashionNet", ["Samples/FashionNet.cs"]),
        new("NetGen.Mutation.Roots.SeedBlockUse", ["SeedModels/SeedBlock.cs", HarnessFileName]),
        new("NetGen.Samples.ResNet34", ["SeedModels/ResNet34.cs", "SeedModels/ResidualBlock.cs"]),
        new("NetGen.Samples.Torchvision.SqueezeNet", ["Torchvision/SqueezeNet.cs", "Torchvision/Fire.cs"]),
        new("NetGen.Samples.Torchvision.MobileNetV2", ["Torchvision/MobileNetV2.cs", "Torchvision/InvertedResidual.cs", "Torchvision/Conv2dNormActivation.cs"]),
        new("NetGen.Samples.Torchvision.ResNet", ["Torchvision/ResNet.cs", "Torchvision/BasicBlock.cs"]),
    ];

    /// <summary>The sample files that are mutated, in a fixed order.</summary>
    public static IReadOnlyList<SampleFile> Load()
    {
        var directory = Path.Combine(AppContext.BaseDirectory, "Sources");
        return Directory.EnumerateFiles(directory, "*.cs", SearchOption.AllDirectories)
            .Select(path => new SampleFile(Path.GetRelativePath(directory, path).Replace('\\', '/'), File.ReadAllText(path)))
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The mutated files plus the harness's use sites: what each mutant's compilation holds.</summary>
    public static IReadOnlyList<SampleFile> WithHarness(IReadOnlyList<SampleFile> files) =>
        files.Append(new SampleFile(HarnessFileName, HarnessSource)).ToList();

    /// <summary>The roots a change to <paramref name="file"/> can affect.</summary>
    public static IEnumerable<RootModel> RootsUsing(string file) => Roots.Where(r => r.Files.Contains(file));

    /// <summary>A root's declared input shape, read from its <c>[Model(Input = [...])]</c>.</summary>
    public static long[] InputShape(IReadOnlyList<SampleFile> files, RootModel root)
    {
        foreach (var file in files)
        {
            var cls = CSharpSyntaxTree.ParseText(file.Text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot()
                .DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.Identifier.Text == root.ShortName);
            var input = cls?.AttributeLists.SelectMany(l => l.Attributes)
                .Where(a => a.Name.ToString() == "Model")
                .SelectMany(a => a.ArgumentList!.Arguments)
                .FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Input");
            if (input?.Expression is CollectionExpressionSyntax collection)
            {
                return collection.Elements.OfType<ExpressionElementSyntax>().Select(e => Convert.ToInt64(((LiteralExpressionSyntax)e.Expression).Token.Value)).ToArray();
            }
        }

        throw new InvalidOperationException($"No [Model(Input = [...])] of literals on {root.TypeName}.");
    }
}
