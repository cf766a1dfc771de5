namespace NetGen.Generator.Tests.ForwardAnalysis;

/// <summary>
/// The examples of docs/forward-analysis.md: one small model per case, each with a hand-written forward. The tests
/// compile each one and check what NetGen says about it; the documentation test checks that the page quotes what
/// NetGen says, word for word.
/// </summary>
internal static class ForwardExamples
{
    public const string Usings = """
        using System.Collections.Generic;
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    /// <summary>The U-Net's skip joined on the wrong dimension: widths 8 and 8 along dim 2 leave the decoder 8 channels, not 16.</summary>
    public const string CatDim = """
        [Model(Input = [1, 16, 16])]
        public partial class UNet : nn.Module<Tensor, Tensor>
        {
            [Conv2d(1, 8, 3, Padding = 1), ReLU] public partial Sequential enc { get; }
            [MaxPool2d(2)] public partial MaxPool2d pool { get; }
            [ConvTranspose2d(8, 8, 2, Stride = 2)] public partial ConvTranspose2d up { get; }
            [Conv2d(16, 8, 3, Padding = 1)] public partial Conv2d dec { get; }
            public override Tensor forward(Tensor x)
            {
                var skip = enc.call(x);
                var joined = cat(new[] { up.call(pool.call(skip)), skip }, 2);
                return dec.call(joined);
            }
        }
        """;

    /// <summary>A split whose halves do not fit the branch.</summary>
    public const string ChunkDim = """
        [Model(Input = [16, 8, 8])]
        public partial class Unit : nn.Module<Tensor, Tensor>
        {
            [Conv2d(8, 8, 1), BatchNorm2d(8), ReLU] public partial Sequential branch { get; }
            public override Tensor forward(Tensor x)
            {
                var halves = x.chunk(2, 2);
                return cat(new[] { halves[0], branch.call(halves[1]) }, 1);
            }
        }
        """;

    /// <summary>A view whose sizes do not multiply to the tensor's.</summary>
    public const string ViewSize = """
        [Model(Input = [16, 6, 6])]
        public partial class Shuffle : nn.Module<Tensor, Tensor>
        {
            [Conv2d(16, 16, 1)] public partial Conv2d conv { get; }
            public override Tensor forward(Tensor x)
            {
                var y = conv.call(x);
                var (n, c, h, w) = (y.shape[0], y.shape[1], y.shape[2], y.shape[3]);
                return y.view(n, 3, c / 2, h, w).transpose(1, 2).contiguous().view(n, c, h, w);
            }
        }
        """;

    /// <summary>A view that reads the channels where the batch belongs: it fits a batch of 16 only (NG0113, a warning).</summary>
    public const string BatchSize = """
        [Model(Input = [16, 6, 6])]
        public partial class Shuffle : nn.Module<Tensor, Tensor>
        {
            [Conv2d(16, 16, 1)] public partial Conv2d conv { get; }
            public override Tensor forward(Tensor x)
            {
                var y = conv.call(x);
                var (n, c, h, w) = (y.shape[0], y.shape[1], y.shape[2], y.shape[3]);
                return y.view(c, 2, c / 2, h, w).transpose(1, 2).contiguous().view(n, c, h, w);
            }
        }
        """;

    /// <summary>A class token expanded to no tokens at all: the cat still joins it, and the position embedding no longer fits.</summary>
    public const string EmptyToken = """
        [Model(Input = [4, 3])]
        public partial class Tokens : nn.Module<Tensor, Tensor>
        {
            [Linear(3, 8)] public partial Linear embed { get; }
            [Parameter(1, 1, 8)] public partial Parameter cls { get; }
            [Parameter(1, 5, 8)] public partial Parameter pos { get; }
            public override Tensor forward(Tensor x)
            {
                var tokens = embed.call(x);
                var token = cls.expand(tokens.shape[0], 0, -1);
                return cat(new[] { token, tokens }, 1) + pos;
            }
        }
        """;

    /// <summary>A class token expanded with -2 where -1 keeps its width: PyTorch has no other negative size.</summary>
    public const string NegativeExpand = """
        [Model(Input = [5, 8])]
        public partial class TokenHead : nn.Module<Tensor, Tensor>
        {
            public partial TokenHead(int dim = 8);
            [Parameter(1, 1, "dim")] public partial Parameter cls { get; }
            [Linear("dim", 3)] public partial Linear head { get; }
            public override Tensor forward(Tensor tokens)
            {
                var token = cls.expand(tokens.shape[0], -1, -2);
                return head.call(cat(new[] { token, tokens }, 1)[.., 0]);
            }
        }
        """;

    /// <summary>The flatten before the head dropped: the head gets [C, 1, 1].</summary>
    public const string DroppedFlatten = """
        [Model(Input = [3, 32, 32])]
        public partial class Head : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 16, 3), ReLU, AdaptiveAvgPool2d(1)] public partial Sequential features { get; }
            [Linear(16, 10)] public partial Linear fc { get; }
            public override Tensor forward(Tensor x) => fc.call(features.call(x));
        }
        """;

    /// <summary>Tokens turned the wrong way before the attention-free MLP: the Linear sees the sequence length.</summary>
    public const string TransposePair = """
        [Model(Input = [3, 16, 16])]
        public partial class Patches : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 32, 4, Stride = 4)] public partial Conv2d embed { get; }
            [Linear(32, 64)] public partial Linear mlp { get; }
            public override Tensor forward(Tensor x) => mlp.call(embed.call(x).flatten(2).transpose(0, 1));
        }
        """;

    /// <summary>Two members called in the wrong order.</summary>
    public const string SwappedMember = """
        [Model(Input = [3, 8, 8])]
        public partial class Pair : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 3)] public partial Conv2d a { get; }
            [Conv2d(8, 4, 1)] public partial Conv2d b { get; }
            public override Tensor forward(Tensor x) => a.call(b.call(x));
        }
        """;

    /// <summary>A residual add of two tensors that do not broadcast.</summary>
    public const string Add = """
        [Model(Input = [8, 8, 8])]
        public partial class Res : nn.Module<Tensor, Tensor>
        {
            [Conv2d(8, 16, 3, Padding = 1)] public partial Conv2d conv { get; }
            public override Tensor forward(Tensor x) => nn.functional.relu(conv.call(x) + x);
        }
        """;

    /// <summary>Attention scores: a matmul of q and k without turning k.</summary>
    public const string MatMul = """
        [Model(Input = [5, 16])]
        public partial class Scores : nn.Module<Tensor, Tensor>
        {
            [Linear(16, 8)] public partial Linear q { get; }
            [Linear(16, 8)] public partial Linear k { get; }
            public override Tensor forward(Tensor x) => q.call(x).matmul(k.call(x)).softmax(-1);
        }
        """;

    /// <summary>An index past the end of a dimension.</summary>
    public const string Index = """
        [Model(Input = [5, 16])]
        public partial class ClassToken : nn.Module<Tensor, Tensor>
        {
            [Linear(16, 3)] public partial Linear head { get; }
            public override Tensor forward(Tensor x) => head.call(x[.., 5]);
        }
        """;

    /// <summary>An unmodelled call (a method of another class): its result is unknown, the member after it is not checked, and NG0110 says where and why.</summary>
    public const string Unmodelled = """
        [Model(Input = [3, 8, 8])]
        public partial class Custom : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 3)] public partial Conv2d a { get; }
            [Linear(99, 4)] public partial Linear head { get; }
            public override Tensor forward(Tensor x) => head.call(Reshaping.Twist(a.call(x)));
        }

        public static class Reshaping
        {
            public static Tensor Twist(Tensor t) => t.flatten(1);
        }
        """;

    /// <summary>No input shape declared: only the members are checked, each on its own.</summary>
    public const string NoInput = """
        [Model]
        public partial class Open : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 3)] public partial Conv2d a { get; }
            [Linear(99, 4)] public partial Linear head { get; }
            public override Tensor forward(Tensor x) => head.call(a.call(x).flatten(1));
        }
        """;

    public static readonly (string Name, string Source)[] All =
    [
        (nameof(CatDim), CatDim), (nameof(ChunkDim), ChunkDim), (nameof(ViewSize), ViewSize), (nameof(DroppedFlatten), DroppedFlatten),
        (nameof(TransposePair), TransposePair), (nameof(SwappedMember), SwappedMember), (nameof(Add), Add), (nameof(MatMul), MatMul),
        (nameof(Index), Index), (nameof(NegativeExpand), NegativeExpand), (nameof(BatchSize), BatchSize), (nameof(EmptyToken), EmptyToken), (nameof(Unmodelled), Unmodelled), (nameof(NoInput), NoInput),
    ];
}
