using System;

namespace NetGen
{
    /// <summary>
    /// Wires the model as <c>input * gate(input)</c>: its members, in order, compute a gate whose output
    /// multiplies the model's input (broadcast as PyTorch broadcasts <c>*</c>). This is torchvision's
    /// <c>SqueezeExcitation</c>: pool to 1×1, <c>fc1</c>, an activation, <c>fc2</c> and a sigmoid give a per-channel
    /// scale, and the forward returns <c>scale * input</c>.
    /// </summary>
    /// <example>
    /// <code>
    /// [Model(Input = ["channels", 14, 14])]
    /// [Gate]
    /// public partial class SqueezeExcitation : nn.Module&lt;Tensor, Tensor&gt;
    /// {
    ///     public partial SqueezeExcitation(int channels, int squeeze);
    ///     [AdaptiveAvgPool2d(1)] public partial AdaptiveAvgPool2d avgpool { get; }
    ///     [Conv2d("channels", "squeeze", 1), ReLU] public partial Conv2d fc1 { get; }
    ///     [Conv2d("squeeze", "channels", 1), Sigmoid] public partial Conv2d fc2 { get; }
    /// }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class GateAttribute : Attribute
    {
    }

    /// <summary>
    /// Splits the input of the model's <see cref="BranchAttribute"/> members as <c>x.chunk(chunks, dim)</c> does:
    /// branch <c>k</c> (in declaration order) takes chunk <c>k</c>, and a branch that is absent (its
    /// <see cref="WhenAttribute"/> is false) passes its chunk on unchanged. The outputs are concatenated as for
    /// any branches. ShuffleNetV2's unit at stride 1 is
    /// <c>x1, x2 = x.chunk(2, dim=1); cat(x1, branch2(x2))</c>: <c>[Chunk(2, When = "stride == 1")]</c> with
    /// <c>branch1</c> present only when <c>stride &gt; 1</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ChunkAttribute : Attribute
    {
        /// <param name="chunks">How many chunks: one per <c>[Branch]</c> member.</param>
        public ChunkAttribute(int chunks) => Chunks = chunks;

        public int Chunks { get; }

        /// <summary>The dimension to split, counting the batch (1 is channels), as in <c>x.chunk(2, dim=1)</c>.</summary>
        public int Dim { get; set; } = 1;

        /// <summary>
        /// A condition over the constructor parameters (<c>"stride == 1"</c>): the input is split only when it
        /// holds; otherwise every branch takes the whole input. Without it, the input is always split.
        /// </summary>
        public string? When { get; set; }
    }

    /// <summary>
    /// Splits the input of the model's <see cref="BranchAttribute"/> members into pieces of the given sizes, as
    /// <c>x.split([a, b], dim)</c> does: branch <c>k</c> takes piece <c>k</c>, and an absent branch passes its piece on.
    /// Each size is an int or an int expression of the hyperparameters (<c>"inp - c"</c>); PyTorch requires them to
    /// add up to the size of the dimension, and NetGen checks that at compile time where the sizes are known. For
    /// equal pieces, <see cref="ChunkAttribute"/> says it shorter.
    /// </summary>
    /// <example>
    /// <code>
    /// [Model(Input = ["inp", 14, 14])]
    /// [Split("keep", "inp - keep")]
    /// public partial class PartialConv : nn.Module&lt;Tensor, Tensor&gt;
    /// {
    ///     public partial PartialConv(int inp = 64, int keep = 48);
    ///     [Branch, Identity] public partial Identity untouched { get; }
    ///     [Branch] [Conv2d("inp - keep", "inp - keep", 3, Padding = 1)] public partial Conv2d mixed { get; }
    /// }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class SplitAttribute : Attribute
    {
        /// <param name="sizes">One size per <c>[Branch]</c> member: ints or int expressions over the hyperparameters.</param>
        public SplitAttribute(params object[] sizes) => Sizes = sizes;

        public object[] Sizes { get; }

        /// <summary>The dimension to split, counting the batch (1 is channels), as in <c>x.split([a, b], dim=1)</c>.</summary>
        public int Dim { get; set; } = 1;

        /// <summary>A condition over the constructor parameters: the input is split only when it holds; otherwise every branch takes the whole input.</summary>
        public string? When { get; set; }
    }
}
