using System;

namespace NetGen
{
    /// <summary>
    /// On a member whose type is another NetGen model: the arguments passed to that model's constructor.
    /// Each is a constant or the name of one of this model's constructor parameters.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class BlockAttribute : Attribute
    {
        public BlockAttribute(params object[] arguments) => Arguments = arguments;

        public object[] Arguments { get; }
    }

    /// <summary>
    /// A child block inside an indexed Sequential (a <c>Sequential</c> member, or layers declared on the
    /// model class): <typeparamref name="TBlock"/> built with these constructor arguments, in reading order
    /// with the other layer attributes, e.g. <c>[Block&lt;ConvBNReLU&gt;(32, 64, 3)]</c>.
    /// </summary>
    public sealed class BlockAttribute<TBlock> : LayerAttribute
    {
        public BlockAttribute(params object[] arguments) => Arguments = arguments;

        public object[] Arguments { get; }
    }

    /// <summary>
    /// PyTorch's <c>make_layer</c> pattern on a member typed <c>Sequential</c>: <c>count</c>
    /// blocks of <typeparamref name="TBlock"/>, named <c>0</c> … <c>count-1</c> (after <see cref="Prefix"/>). The first block is built
    /// with <see cref="First"/> and the others with <see cref="Rest"/>.
    /// </summary>
    /// <remarks>
    /// Several <c>[Repeat&lt;T&gt;]</c> on one member are alternatives, each with a <see cref="When"/>: the stage is built
    /// from the one whose condition holds, so one class serves several block types (torchvision's
    /// <c>ResNet(block, layers)</c>):
    /// <code>
    /// [Repeat&lt;BasicBlock&gt;("layers1", First = [64, 64], Rest = [64, 64], When = "block == ResNetBlock.Basic")]
    /// [Repeat&lt;Bottleneck&gt;("layers1", First = [64, 64], Rest = [256, 64], When = "block == ResNetBlock.Bottleneck")]
    /// public partial Sequential layer1 { get; }
    /// </code>
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = true, Inherited = false)]
    public sealed class RepeatAttribute<TBlock> : Attribute
    {
        public RepeatAttribute(object count) => Count = count;

        public object Count { get; }
        /// <summary>Constructor arguments of block 0 (e.g. in, out, stride, with a projection shortcut).</summary>
        public object[] First { get; set; } = Array.Empty<object>();
        /// <summary>Constructor arguments of blocks 1 … count-1 (e.g. out, out).</summary>
        public object[] Rest { get; set; } = Array.Empty<object>();
        /// <summary>
        /// Constructor arguments of every block, instead of <see cref="First"/> and <see cref="Rest"/>. With
        /// <see cref="Index"/>, they may read the block's position, e.g. DenseNet's
        /// <c>Each = ["numInputFeatures + i * growthRate", "growthRate"], Index = "i"</c>.
        /// </summary>
        public object[] Each { get; set; } = Array.Empty<object>();
        /// <summary>The name <see cref="Each"/>'s expressions use for the block's position (0, 1, …).</summary>
        public string? Index { get; set; }
        /// <summary>
        /// What each block's name starts with; its position follows. torchvision's vision transformer names its
        /// blocks <c>encoder_layer_0</c>, <c>encoder_layer_1</c>, …: <c>Prefix = "encoder_layer_"</c>.
        /// </summary>
        public string Prefix { get; set; } = "";

        /// <summary>
        /// With several <c>[Repeat&lt;T&gt;]</c> on one member: when this alternative is the one built, a bool expression of
        /// the constructor parameters. Exactly one alternative's condition must hold for every value of the parameters.
        /// </summary>
        public string? When { get; set; }
    }

    /// <summary>
    /// On the model: wires it as <c>activation(main(x) + shortcut(x))</c>. Every member except
    /// <see cref="Shortcut"/> forms the main path in order; the shortcut is the identity when that
    /// member is absent (see <see cref="WhenAttribute"/>) or not named.
    /// On a member: a shortcut around part of the forward, from this member's input to the output of
    /// <see cref="Through"/> (this member alone when not given): <c>x = activation(span(x) + x)</c>. A transformer
    /// block has two: <c>[Residual(Through = nameof(dropout))]</c> on <c>ln_1</c> and
    /// <c>[Residual(Through = nameof(mlp))]</c> on <c>ln_2</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class ResidualAttribute : Attribute
    {
        /// <summary>On a member: the last member the shortcut goes around; write it with <c>nameof</c>.</summary>
        public string? Through { get; set; }

        /// <summary>The member that projects the input, e.g. a 1×1 conv + BN.</summary>
        public string? Shortcut { get; set; }
        /// <summary>
        /// The name of a <c>bool</c> constructor parameter: the add happens only when it is true, like
        /// MobileNetV2's <c>use_res_connect</c>. Without it, the add always happens.
        /// </summary>
        public string? When { get; set; }
        /// <summary>Applied after the add.</summary>
        public Activation Activation { get; set; } = Activation.None;
    }

    /// <summary>
    /// A member the generated forward does not run: NetGen creates, registers, initialises and saves it, and a
    /// hand-written training step may call it. torchvision's GoogLeNet and Inception v3 have such auxiliary
    /// classifiers (<c>aux1</c>, <c>AuxLogits</c>), in their state dicts and used only in training, when their forward
    /// returns a tuple.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class AuxiliaryAttribute : Attribute
    {
    }

    /// <summary>
    /// Consecutive members marked <c>[Branch]</c> each take the same input, and their outputs are
    /// concatenated along <see cref="Dim"/> (channels by default).
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class BranchAttribute : Attribute
    {
        public int Dim { get; set; } = 1;

        /// <summary>
        /// The last member of this branch; write it with <c>nameof</c>. The branch runs this member and the members after
        /// it through that one, in order, and its output is the last one's, as torchvision's Inception blocks run
        /// <c>branch5x5_1</c> then <c>branch5x5_2</c>. The members between belong to the branch (they may be a
        /// <c>[Branch]</c> group of their own); the next <c>[Branch]</c> member after it continues the group.
        /// </summary>
        public string? Through { get; set; }
    }

    /// <summary>The member exists only when the named <c>bool</c> constructor parameter is true.</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class WhenAttribute : Attribute
    {
        public WhenAttribute(string parameter) => Parameter = parameter;

        public string Parameter { get; }
    }

    /// <summary>An activation applied by a wiring attribute.</summary>
    public enum Activation
    {
        None,
        ReLU,
        ReLU6,
        GELU,
        SiLU,
        Sigmoid,
        Tanh,
    }
}
