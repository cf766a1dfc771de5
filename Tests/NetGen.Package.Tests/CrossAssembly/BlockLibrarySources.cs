namespace NetGen.Package.Tests.CrossAssembly;

/// <summary>
/// The sources of the cross-assembly builds: a class library of NetGen blocks, a consumer model that uses
/// each of them in its own way (<c>[Block]</c>, <c>[Block&lt;T&gt;]</c> in a Sequential, <c>[Repeat&lt;T&gt;]</c>)
/// and omits every size it can, and a program that prints what the acceptance compares.
/// </summary>
internal static class BlockLibrarySources
{
    public const string Blocks = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace CrossAssembly.Blocks;

        /// <summary>A 3×3 conv from RGB to <c>width</c> channels.</summary>
        [Model(Input = [3, 32, 32])]
        public partial class Stem : nn.Module<Tensor, Tensor>
        {
            public partial Stem(int width = 16);

            [Conv2d(3, "width", 3, Padding = 1), ReLU]
            public partial Conv2d conv { get; }
        }

        /// <summary>Conv, BN, ReLU declared on the class: an indexed Sequential (0, 1, 2), like torchvision's Conv2dNormActivation.</summary>
        [Model(Input = ["inChannels", 32, 32])]
        [Conv2d("inChannels", "outChannels", 3, Stride = "stride", Padding = 1, Bias = false)]
        [BatchNorm2d("outChannels")]
        [ReLU(Inplace = true)]
        public partial class ConvBnReLU : nn.Module<Tensor, Tensor>
        {
            public partial ConvBnReLU(int inChannels, int outChannels, int stride = 1);
        }

        /// <summary>A ResNet basic block whose 1×1 projection exists only when asked for.</summary>
        [Model(Input = ["inChannels", 16, 16])]
        [Residual(Shortcut = "shortcut", Activation = Activation.ReLU)]
        public partial class Basic : nn.Module<Tensor, Tensor>
        {
            public partial Basic(int inChannels, int outChannels, int stride = 1, bool project = false);

            [Conv2d("inChannels", "outChannels", 3, Stride = "stride", Padding = 1, Bias = false)]
            [BatchNorm2d("outChannels")]
            [ReLU]
            [Conv2d("outChannels", "outChannels", 3, Padding = 1, Bias = false)]
            [BatchNorm2d("outChannels")]
            public partial Sequential body { get; }

            [When("project")]
            [Conv2d("inChannels", "outChannels", 1, Stride = "stride", Bias = false)]
            [BatchNorm2d("outChannels")]
            public partial Sequential? shortcut { get; }
        }
        """;

    /// <summary>The line of <see cref="Classifier"/> that the wrong consumer changes.</summary>
    public const string FeaturesLine = "    [Block<CrossAssembly.Blocks.ConvBnReLU>(24, 32, 2), BatchNorm2d, Block<CrossAssembly.Blocks.ConvBnReLU>(32, 32)]";

    /// <summary>The same line expecting 16 channels where the stem gives 24.</summary>
    public const string WrongFeaturesLine = "    [Block<CrossAssembly.Blocks.ConvBnReLU>(16, 32, 2), BatchNorm2d, Block<CrossAssembly.Blocks.ConvBnReLU>(32, 32)]";

    /// <summary>BatchNorm2d's num_features (32) and the head's in_features (64) are inferred through the library's blocks.</summary>
    public const string Classifier = $$"""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace App;

        [Model(Input = [3, 32, 32])]
        public partial class Classifier : nn.Module<Tensor, Tensor>
        {
            public partial Classifier(int numClasses = 10);

            [Block(24)]
            public partial CrossAssembly.Blocks.Stem stem { get; }

        {{FeaturesLine}}
            public partial Sequential features { get; }

            [Repeat<CrossAssembly.Blocks.Basic>(3, First = [32, 64, 2, true], Rest = [64, 64])]
            public partial Sequential stage { get; }

            [AdaptiveAvgPool2d(1), Flatten, Linear("numClasses")]
            public partial Linear head { get; }
        }
        """;

    /// <summary>
    /// Prints, one fact a line: the output shape, the compile-time Summary and its total beside the live
    /// module's parameter count, a typed key, the state dict's keys, the StateSchema, and whether a
    /// checkpoint saved and loaded into a new model gives the same output.
    /// </summary>
    public const string Program = """
        using System;
        using System.IO;
        using System.Linq;
        using NetGen;
        using TorchSharp;

        torch.manual_seed(7);
        var model = new App.Classifier();
        model.eval();
        using var input = torch.randn(2, 3, 32, 32);
        using var output = model.forward(input);
        Console.WriteLine("output: [" + string.Join(", ", output.shape) + "]");
        Console.WriteLine("summary total: " + App.Classifier.Summary.TotalParameters);
        Console.WriteLine("live total: " + model.parameters().Sum(p => p.numel()));
        Console.WriteLine("typed key: " + App.Classifier.Keys.stage._2.body._4.running_mean);
        Console.WriteLine("state_dict: " + string.Join(" ", model.state_dict().Keys));
        Console.WriteLine("schema: " + string.Join(" ", model.StateSchema.Select(e => e.Key)));
        Console.WriteLine("schema shapes: " + string.Join(" ", model.StateSchema.Select(e => "[" + string.Join(",", e.Shape) + "]")));

        var path = Path.Combine(Path.GetTempPath(), "cross-assembly-" + Guid.NewGuid().ToString("N") + ".pt");
        model.SaveCheckpoint(path);
        var reloaded = new App.Classifier();
        reloaded.eval();
        reloaded.LoadCheckpoint(path);
        File.Delete(path);
        using var again = reloaded.forward(input);
        Console.WriteLine("reloaded output equal: " + output.allclose(again));
        Console.WriteLine("summary:");
        Console.WriteLine(App.Classifier.Summary);
        """;
}
