using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Mutation;

/// <summary>One sample source file: its name (relative to the samples) and its text.</summary>
public sealed record SampleFile(string Name, string Text);

/// <summary>
/// A model the oracle runs: built with its default hyperparameters and run forward on one input. A mutant is
/// run through every root that uses the mutated file. <paramref name="Input"/> is what its forward takes;
/// without one, a zero tensor of its declared <c>[Model(Input = ...)]</c> shape with batch 1.
/// </summary>
public sealed record RootModel(string TypeName, IReadOnlyList<string> Files, RootInput? Input = null)
{
    /// <summary>The model's class name.</summary>
    public string ShortName => TypeName.Substring(TypeName.LastIndexOf('.') + 1);

    /// <summary>
    /// Hyperparameters passed instead of their defaults, by name (an enum member by its name): a model whose members have
    /// alternatives (ResNet's <c>block</c>) is a root once per alternative, since NetGen checks every alternative.
    /// </summary>
    public IReadOnlyList<(string Name, object Value)> Arguments { get; init; } = [];

    /// <summary>The class name, and the arguments it is built with when not the defaults: <c>ResNet(block: Bottleneck)</c>.</summary>
    public string Label => Arguments.Count == 0 ? ShortName : $"{ShortName}({string.Join(", ", Arguments.Select(a => $"{a.Name}: {a.Value}"))})";
}

/// <summary>A root's own input: a zero tensor of this shape (batch included) and element type.</summary>
public sealed record RootInput(long[] Shape, ScalarType Type)
{
    public static RootInput Floats(params long[] shape) => new(shape, ScalarType.Float32);

    /// <summary>Token ids: zeros, which index a row of any embedding.</summary>
    public static RootInput TokenIds(params long[] shape) => new(shape, ScalarType.Int64);

    public Tensor Create() => torch.zeros(Shape, Type);
}

/// <summary>The mutation sources: the seed models, the torchvision models, FashionNet and the open-world models, plus the roots.</summary>
public static class SampleSet
{
    /// <summary>
    /// SeedBlock is used by no sample model, so the harness adds one use site: the seed's own
    /// <c>SeedBlock(64, 128, 2)</c> (the instance the runtime tests build). It also holds a vision transformer of
    /// torchvision's shape at a small size (patch 8 on 32×32, 2 blocks of width 64), which runs in milliseconds where
    /// vit_b_16 takes seconds a mutant, a ConvNeXt of width 16 on 64×64 for the same reason, and Swin v1 and v2 of width 16
    /// with 4×4 windows on 32×32, and a MaxViT of width 8 with 2×2 partitions on 64×64. It is never mutated.
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

        [Model(Input = [3, 32, 32])]
        public partial class SmallVisionTransformerUse : nn.Module<Tensor, Tensor>
        {
            [Block(8, 2, 4, 64, 128, 0.0, 0.0, 10, 32)]
            public partial NetGen.Vision.VisionTransformer vit { get; }
        }

        [Model(Input = [3, 64, 64])]
        public partial class SmallConvNeXtUse : nn.Module<Tensor, Tensor>
        {
            [Block(16, 2, 0.0, 10)]
            public partial NetGen.Vision.ConvNeXt convnext { get; }
        }

        [Model(Input = [3, 32, 32])]
        public partial class SmallSwinUse : nn.Module<Tensor, Tensor>
        {
            [Block(16, 2, 1, 4, 0.0, false, 4, 10)]
            public partial NetGen.Vision.SwinTransformer swin { get; }
        }

        [Model(Input = [3, 32, 32])]
        public partial class SmallSwinV2Use : nn.Module<Tensor, Tensor>
        {
            [Block(16, 2, 1, 4, 0.0, true, 4, 10)]
            public partial NetGen.Vision.SwinTransformer swin { get; }
        }

        [Model(Input = [3, 64, 64])]
        public partial class SmallMaxVitUse : nn.Module<Tensor, Tensor>
        {
            [Block(8, 8, 1, 1, 1, 1, 4, 2, 0.0, 10)]
            public partial NetGen.Vision.MaxVit maxvit { get; }
        }
        """;

    public static readonly IReadOnlyList<RootModel> Roots =
    [
        new("NetGen.Samples.Net", ["SeedModels/Net.cs"]),
        new("NetGen.Samples.Models.FashionNet", ["Samples/FashionNet.cs"]),
        new("NetGen.Mutation.Roots.SeedBlockUse", ["SeedModels/SeedBlock.cs", HarnessFileName]),
        new("NetGen.Samples.ResNet34", ["SeedModels/ResNet34.cs", "SeedModels/ResidualBlock.cs"]),
        new("NetGen.Vision.SqueezeNet", ["Torchvision/SqueezeNet.cs", "Torchvision/Fire.cs"]),
        new("NetGen.Vision.MobileNetV2", ["Torchvision/MobileNetV2.cs", "Torchvision/InvertedResidual.cs", "Torchvision/Conv2dNormActivation.cs"]),
        // One class for BasicBlock and Bottleneck ResNets: the defaults build BasicBlocks, the second root Bottlenecks.
        new("NetGen.Vision.ResNet", ["Torchvision/ResNet.cs", "Torchvision/BasicBlock.cs"]),
        new("NetGen.Vision.ResNet", ["Torchvision/ResNet.cs", "Torchvision/Bottleneck.cs"]) { Arguments = [("block", "Bottleneck")] },
        new("NetGen.Vision.ShuffleNetV2", ["Torchvision/ShuffleNetV2.cs", "Torchvision/ShuffleInvertedResidual.cs"]),
        new("NetGen.Vision.SqueezeExcitation", ["Torchvision/SqueezeExcitation.cs"]),
        new("NetGen.Vision.AlexNet", ["Torchvision/AlexNet.cs"]),
        new("NetGen.Vision.Vgg", ["Torchvision/Vgg.cs"]),
        new("NetGen.Vision.DenseNet", ["Torchvision/DenseNet.cs"]),
        new("NetGen.Vision.GoogLeNet", ["Torchvision/GoogLeNet.cs", "Torchvision/Inception.cs", "Torchvision/BasicConv2d.cs"]),
        // GoogLeNet's forward does not run its [Auxiliary] classifiers, so the oracle runs one on its own.
        new("NetGen.Vision.InceptionAux", ["Torchvision/Inception.cs", "Torchvision/BasicConv2d.cs"]),
        new("NetGen.Mutation.Roots.SmallConvNeXtUse", ["Torchvision/ConvNeXt.cs", "Torchvision/CNBlock.cs", HarnessFileName]),
        new("NetGen.Mutation.Roots.SmallVisionTransformerUse",
            ["Torchvision/VisionTransformer.cs", "Torchvision/ViTEncoder.cs", "Torchvision/ViTEncoderBlock.cs", HarnessFileName]),
        // vit_b_16 itself, at its defaults (seconds a mutant): NetGen checks it there, and a mutated default (12 heads → 13,
        // which 768 does not divide) breaks it there only; the small use above passes its own arguments.
        new("NetGen.Vision.VisionTransformer", ["Torchvision/VisionTransformer.cs", "Torchvision/ViTEncoder.cs", "Torchvision/ViTEncoderBlock.cs"]),
        new("NetGen.Vision.MobileNetV3", ["Torchvision/MobileNetV3.cs", "Torchvision/MobileNetV3Block.cs", "Torchvision/Conv2dNormActivationVariants.cs", "Torchvision/SqueezeExcitation.cs"]),
        new("NetGen.Vision.EfficientNet", ["Torchvision/EfficientNet.cs", "Torchvision/MBConv.cs", "Torchvision/Conv2dNormActivationVariants.cs", "Torchvision/SqueezeExcitation.cs"]),
        new("NetGen.Vision.EfficientNetV2",
            ["Torchvision/EfficientNetV2.cs", "Torchvision/FusedMBConv.cs", "Torchvision/MBConv.cs", "Torchvision/Conv2dNormActivationVariants.cs", "Torchvision/SqueezeExcitation.cs"]),
        new("NetGen.Vision.MNASNet", ["Torchvision/MNASNet.cs", "Torchvision/MnasInvertedResidual.cs"]),
        new("NetGen.Mutation.Roots.SmallSwinUse", [.. SwinFiles, HarnessFileName]),
        new("NetGen.Mutation.Roots.SmallSwinV2Use", [.. SwinFiles, HarnessFileName]),
        new("NetGen.Mutation.Roots.SmallMaxVitUse", [.. MaxVitFiles, HarnessFileName]),
        // MaxVit passes every argument of its blocks, so their own defaults are built by no other root; NetGen checks each
        // block at its defaults too, and a default the full run mutated (MBConv's stride 2 → 3, which torchvision's proj
        // does not pool for) is a real fault that only these roots show.
        new("NetGen.Vision.MaxVitMBConv", MaxVitFiles),
        new("NetGen.Vision.MaxVitLayer", MaxVitFiles),
        // RegNet's defaults are regnet_y_400mf (with squeeze-excitation).
        new("NetGen.Vision.RegNet",
            ["Torchvision/RegNet.cs", "Torchvision/ResBottleneckBlock.cs", "Torchvision/Conv2dNormActivationVariants.cs", "Torchvision/SqueezeExcitation.cs"]),
        new("NetGen.Vision.InceptionV3",
            ["Torchvision/InceptionV3.cs", "Torchvision/InceptionV3Blocks.cs", "Torchvision/AsymmetricBasicConv2d.cs", "Torchvision/BasicConv2d.cs"]),
        // InceptionV3's forward does not run its [Auxiliary] AuxLogits, so the oracle runs it on its own.
        new("NetGen.Vision.InceptionV3Aux", ["Torchvision/InceptionV3Aux.cs", "Torchvision/BasicConv2d.cs"]),
        // The open-world models take what their runtime tests give them (Tests/NetGen.Runtime.Tests/OpenWorld/OpenWorldModels.cs), with batch 1.
        new(OpenWorld + "TextClassifier", ["OpenWorld/TextClassifier.cs"], RootInput.TokenIds(1, 7)),
        new(OpenWorld + "WrapperNet", ["OpenWorld/WrapperNet.cs"]),
        new(OpenWorld + "ClassTokenNet", ["OpenWorld/ClassTokenNet.cs"], RootInput.Floats(1, 5, 8)),
        new(OpenWorld + "TinyUNet", ["OpenWorld/TinyUNet.cs"], RootInput.Floats(1, 1, 8, 8)),
        new(OpenWorld + "DenseBlock", ["OpenWorld/DenseBlock.cs"], RootInput.Floats(1, 8, 6, 6)),
        new(OpenWorld + "ShuffleUnit", ["OpenWorld/ShuffleUnit.cs"], RootInput.Floats(1, 16, 6, 6)),
        new(OpenWorld + "SqueezeExcite", ["OpenWorld/SqueezeExcite.cs"], RootInput.Floats(1, 16, 5, 5)),
        // Issue 13's forwards (Tests/NetGen.Runtime.Tests/OpenWorld/ForwardSummaryTests.cs gives them the same inputs).
        new(OpenWorld + "EncoderBlock", ["OpenWorld/TinyViT.cs"], RootInput.Floats(1, 5, 16)),
        new(OpenWorld + "TinyViT", ["OpenWorld/TinyViT.cs"], RootInput.Floats(1, 3, 16, 16)),
        new(OpenWorld + "ResNet34Forward", ["OpenWorld/ResNet34Forward.cs"]),
    ];

    private const string OpenWorld = "NetGen.Runtime.Tests.OpenWorld.Models.";

    /// <summary>
    /// The models NG0110 names on the original set, in ordinal order: the zoo's hand-written forwards that call what
    /// NetGen does not model (Swin's patch merging, MaxViT's window and grid partitions) and the models built on them,
    /// the harness's small uses of Swin and MaxViT among them.
    /// </summary>
    public static readonly IReadOnlyList<string> KnownBoundary =
    [
        "MaxVit", "MaxVitBlock", "MaxVitLayer", "PartitionAttention", "PatchMerging", "PatchMergingV2",
        "SmallMaxVitUse", "SmallSwinUse", "SmallSwinV2Use",
    ];

    /// <summary>MaxViT's files; its hand-written attention (RelativePositionalAttention.cs, WindowGeometry.cs, Attention.cs) has no NetGen attribute to mutate.</summary>
    private static string[] MaxVitFiles =>
    [
        "Torchvision/MaxVit.cs", "Torchvision/PartitionAttention.cs", "Torchvision/Conv2dNormActivationVariants.cs", "Torchvision/SqueezeExcitation.cs",
        "Torchvision/RelativePositionalAttention.cs", "Torchvision/WindowGeometry.cs", "Torchvision/Attention.cs",
    ];

    /// <summary>Swin's files; its hand-written attention (ShiftedWindowAttention.cs, WindowGeometry.cs, Attention.cs) has no NetGen attribute to mutate.</summary>
    private static string[] SwinFiles =>
    [
        "Torchvision/SwinTransformer.cs", "Torchvision/SwinTransformerBlock.cs", "Torchvision/PatchMerging.cs",
        "Torchvision/ShiftedWindowAttention.cs", "Torchvision/WindowGeometry.cs", "Torchvision/Attention.cs",
    ];

    /// <summary>The files of issue 13's seven models with hand-written forwards (TinyViT.cs holds the ViT encoder block too).</summary>
    public static readonly IReadOnlyList<string> ForwardModelFiles =
    [
        "OpenWorld/TinyUNet.cs", "OpenWorld/DenseBlock.cs", "OpenWorld/ShuffleUnit.cs", "OpenWorld/SqueezeExcite.cs",
        "OpenWorld/TinyViT.cs", "OpenWorld/TextClassifier.cs", "OpenWorld/ResNet34Forward.cs",
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

    /// <summary>What a root's forward is run on: its own input, or zeros of its declared <c>[Model(Input = [...])]</c> with batch 1.</summary>
    public static RootInput InputOf(IReadOnlyList<SampleFile> files, RootModel root) =>
        root.Input ?? RootInput.Floats(new long[] { 1 }.Concat(DeclaredInput(files, root)).ToArray());

    /// <summary>The classes with a <c>[Model]</c> attribute that a file declares (simple names).</summary>
    public static IReadOnlyList<string> ModelsIn(string text) =>
        CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot()
            .DescendantNodes().OfType<ClassDeclarationSyntax>()
            .Where(c => c.AttributeLists.SelectMany(l => l.Attributes).Any(a => a.Name.ToString() is "Model" or "NetGen.Model"))
            .Select(c => c.Identifier.Text)
            .ToList();

    private static long[] DeclaredInput(IReadOnlyList<SampleFile> files, RootModel root)
    {
        foreach (var file in files)
        {
            var cls = CSharpSyntaxTree.ParseText(file.Text, new CSharpParseOptions(LanguageVersion.Preview)).GetRoot()
                .DescendantNodes().OfType<ClassDeclarationSyntax>().FirstOrDefault(c => c.Identifier.Text == root.ShortName);
            var input = cls?.AttributeLists.SelectMany(l => l.Attributes)
                .Where(a => a.Name.ToString() == "Model")
                .SelectMany(a => a.ArgumentList?.Arguments ?? default)
                .FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == "Input");
            if (input?.Expression is CollectionExpressionSyntax collection)
            {
                return collection.Elements.OfType<ExpressionElementSyntax>().Select(e => Dimension(cls!, e.Expression)).ToArray();
            }
        }

        throw new InvalidOperationException($"{root.TypeName} has no [Model(Input = [...])] of literals and no input of its own.");
    }

    /// <summary>
    /// One declared input dimension: an int literal, or a hyperparameter's name, read as the default of the constructor
    /// parameter of that name, so that a mutant that changes the default (64 → 65 input channels) is fed what it declares.
    /// </summary>
    private static long Dimension(ClassDeclarationSyntax cls, ExpressionSyntax element)
    {
        var literal = (LiteralExpressionSyntax)element;
        if (literal.Token.Value is string name)
        {
            var parameter = cls.Members.OfType<ConstructorDeclarationSyntax>().SelectMany(c => c.ParameterList.Parameters)
                .First(p => p.Identifier.Text == name);
            literal = (LiteralExpressionSyntax)parameter.Default!.Value;
        }

        return Convert.ToInt64(literal.Token.Value, System.Globalization.CultureInfo.InvariantCulture);
    }
}
