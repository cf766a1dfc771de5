using System.Collections.Generic;

namespace NetGen.Generator.Tests.CrossAssembly;

/// <summary>
/// A small class library of NetGen blocks, and consumers that use them in each way a block can be used:
/// <c>[Block]</c> on a member, <c>[Block&lt;T&gt;]</c> inside a Sequential and <c>[Repeat&lt;T&gt;]</c>.
/// </summary>
internal static class BlockLibrarySources
{
    /// <summary>
    /// Three blocks: a stem whose output width is a hyperparameter, a conv-BN-ReLU unit declared on the
    /// class (an indexed Sequential, like torchvision's Conv2dNormActivation), and a residual block with a
    /// projection that exists only when asked for.
    /// </summary>
    public const string Blocks = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Blocks;

        [Model(Input = [3, 32, 32])]
        public partial class Stem : nn.Module<Tensor, Tensor>
        {
            public partial Stem(int width = 16);

            [Conv2d(3, "width", 3, Padding = 1), ReLU]
            public partial Conv2d conv { get; }
        }

        [Model(Input = ["inChannels", 32, 32])]
        [Conv2d("inChannels", "outChannels", 3, Stride = "stride", Padding = 1, Bias = false)]
        [BatchNorm2d("outChannels")]
        [ReLU(Inplace = true)]
        public partial class ConvBnReLU : nn.Module<Tensor, Tensor>
        {
            public partial ConvBnReLU(int inChannels, int outChannels, int stride = 1);
        }

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

    /// <summary>
    /// A consumer that infers every size it omits through the blocks: the stem's width reaches the unit's
    /// BatchNorm, the stage's output reaches the head's Linear.
    /// </summary>
    public const string Consumer = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace App;

        [Model(Input = [3, 32, 32])]
        public partial class Classifier : nn.Module<Tensor, Tensor>
        {
            public partial Classifier(int numClasses = 10);

            [Block(24)]
            public partial Blocks.Stem stem { get; }

            [Block<Blocks.ConvBnReLU>(24, 32, 2), BatchNorm2d, Block<Blocks.ConvBnReLU>(32, 32)]
            public partial Sequential features { get; }

            [Repeat<Blocks.Basic>(3, First = [32, 64, 2, true], Rest = [64, 64])]
            public partial Sequential stage { get; }

            [AdaptiveAvgPool2d(1), Flatten, Linear("numClasses")]
            public partial Linear head { get; }
        }
        """;

    /// <summary>The file generated for the consumer's model.</summary>
    public const string ConsumerFile = "App.Classifier.g.cs";

    public const string Correct = "correct";
    public const string Symbolic = "widths as hyperparameters";
    public const string ExplicitSizes = "every size given";
    public const string WrongBlockMember = "[Block] member given 1 channel where the stem takes 3";
    public const string WrongBlockInSequential = "[Block<T>] in a Sequential expecting 16 channels where 24 arrive";
    public const string WrongRepeat = "[Repeat<T>] whose first block expects 48 channels where 32 arrive";

    /// <summary>The consumer and variants of it, each a change of one declaration.</summary>
    public static readonly IReadOnlyDictionary<string, string> ConsumerVariants = new Dictionary<string, string>
    {
        [Correct] = Consumer,
        [Symbolic] = Consumer
            .Replace("public partial Classifier(int numClasses = 10);", "public partial Classifier(int width, int numClasses = 10);")
            .Replace("[Block(24)]", "[Block(\"width\")]")
            .Replace("Block<Blocks.ConvBnReLU>(24, 32, 2)", "Block<Blocks.ConvBnReLU>(\"width\", 32, 2)"),
        [ExplicitSizes] = Consumer
            .Replace("BatchNorm2d, Block", "BatchNorm2d(32), Block")
            .Replace("Linear(\"numClasses\")", "Linear(64, \"numClasses\")"),
        [WrongBlockMember] = Consumer.Replace("[Model(Input = [3, 32, 32])]", "[Model(Input = [1, 32, 32])]"),
        [WrongBlockInSequential] = Consumer.Replace("Block<Blocks.ConvBnReLU>(24, 32, 2)", "Block<Blocks.ConvBnReLU>(16, 32, 2)"),
        [WrongRepeat] = Consumer.Replace("First = [32, 64, 2, true]", "First = [48, 64, 2, true]"),
    };
}
