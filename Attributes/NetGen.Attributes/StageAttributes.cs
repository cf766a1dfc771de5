using System;

namespace NetGen
{
    /// <summary>
    /// A stage table on a member typed <c>Sequential</c>: the member's layer attributes are the body of a loop
    /// over the rows of an <c>int</c> table, added in order to ONE flat indexed Sequential (<c>0</c>, <c>1</c>, …),
    /// as PyTorch's <c>for v in cfg: layers += [...]</c> then <c>nn.Sequential(*layers)</c> does. The body's
    /// arguments and <c>When</c> conditions may name <see cref="Item"/> (the row's value), <see cref="Index"/>
    /// (its position) and <see cref="Carry"/> (a value carried from one row to the next, such as the channels the
    /// previous layer left).
    /// </summary>
    /// <example>
    /// torchvision's VGG <c>features</c> (0 marks a max pool, torchvision's "M"):
    /// <code>
    /// [ForEach("Cfgs[config]", Item = "v", Carry = "c", Start = 3, Next = "v == 0 ? c : v")]
    /// [MaxPool2d(2, Stride = 2, When = "v == 0")]
    /// [Conv2d("c", "v", 3, Padding = 1, When = "v != 0")]
    /// [BatchNorm2d("v", When = "v != 0 &amp;&amp; batchNorm")]
    /// [ReLU(Inplace = true, When = "v != 0")]
    /// public partial Sequential features { get; }
    /// </code>
    /// </example>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class ForEachAttribute : Attribute
    {
        /// <param name="table">
        /// The rows: an <c>int[]</c> constructor parameter (<c>"cfg"</c>), a <c>static readonly int[]</c> of the model,
        /// or one row of a <c>static readonly int[][]</c> of the model chosen by an int or enum expression of the
        /// constructor parameters (<c>"Cfgs[config]"</c>). A static table written with constants is walked at compile time.
        /// </param>
        public ForEachAttribute(string table) => Table = table;

        public string Table { get; }

        /// <summary>The name the body uses for the current row's value.</summary>
        public string Item { get; set; } = "item";

        /// <summary>The name the body uses for the current row's position (0, 1, …); none when not set.</summary>
        public string? Index { get; set; }

        /// <summary>The name of a value carried from row to row, e.g. the input channels of the next conv.</summary>
        public string? Carry { get; set; }

        /// <summary>The carried value before the first row: an int or an expression of the constructor parameters.</summary>
        public object? Start { get; set; }

        /// <summary>The carried value after each row: an int expression of the parameters, the item, the index and the carry.</summary>
        public string? Next { get; set; }
    }

    /// <summary>
    /// A child of a <c>Sequential</c>: DenseNet's dense block (<c>NetGen.DenseStage</c>), <see cref="Count"/> layers of
    /// <typeparamref name="TLayer"/> where each receives the concatenation of the block's input and every earlier layer's
    /// output along the channels, and the block returns the concatenation of all of them. Layer <c>i</c> is built with
    /// <see cref="Each"/>, whose expressions may read <see cref="Index"/>, and named <c>Prefix + (FirstNumber + i)</c>.
    /// </summary>
    /// <example>
    /// torchvision's <c>_DenseBlock</c>, <c>features.denseblock1.denselayer1.norm1.weight</c> …:
    /// <code>
    /// [DenseBlock&lt;DenseLayer&gt;("block1", Each = ["init + i * growth", "growth", "bnSize"], Index = "i",
    ///     Prefix = "denselayer", FirstNumber = 1, Name = "denseblock1")]
    /// </code>
    /// </example>
    public sealed class DenseBlockAttribute<TLayer> : LayerAttribute
    {
        public DenseBlockAttribute(object count) => Count = count;

        /// <summary>The number of layers: an int, or an int expression of the constructor parameters.</summary>
        public object Count { get; }

        /// <summary>The constructor arguments of every layer; with <see cref="Index"/> they may read its position.</summary>
        public object[] Each { get; set; } = Array.Empty<object>();

        /// <summary>The name <see cref="Each"/>'s expressions use for the layer's position (0, 1, …).</summary>
        public string? Index { get; set; }

        /// <summary>What each layer's name starts with; the number follows, e.g. <c>denselayer1</c>.</summary>
        public string Prefix { get; set; } = "";

        /// <summary>The number in the first layer's name: torchvision counts from 1.</summary>
        public int FirstNumber { get; set; }
    }

    /// <summary>
    /// A child of a <c>Sequential</c>: a stage, an <c>nn.Sequential</c> of <see cref="Count"/> blocks of
    /// <typeparamref name="TBlock"/> named <c>0</c> … <c>Count-1</c> (or <c>Prefix + (FirstNumber + i)</c>), each
    /// receiving the previous one's output. Block <c>i</c> is built with <see cref="Each"/>, whose expressions may read
    /// <see cref="Index"/>. This is <c>layers.append(nn.Sequential(*stage))</c> inside a loop, as torchvision's
    /// EfficientNet builds its stages and MNASNet its <c>_stack</c>s.
    /// </summary>
    /// <example>
    /// torchvision's EfficientNet stage 2 (<c>features.2.0.block.0.0.weight</c>, <c>features.2.1…</c>):
    /// <code>
    /// [Stage&lt;MBConv&gt;("ceil(2 * depthMult)", Each = ["i == 0 ? In2 : Out2", Out2, 6, 3, "i == 0 ? 2 : 1"], Index = "i")]
    /// </code>
    /// torchvision's RegNet <c>AnyStage</c> (<c>trunk_output.block1.block1-0.f.a.0.weight</c>):
    /// <code>
    /// [Stage&lt;ResBottleneckBlock&gt;(Depth1, Each = [...], Index = "i", Prefix = "block1-", Name = "block1")]
    /// </code>
    /// </example>
    public sealed class StageAttribute<TBlock> : LayerAttribute
    {
        public StageAttribute(object count) => Count = count;

        /// <summary>The number of blocks: an int, or an int expression of the constructor parameters.</summary>
        public object Count { get; }

        /// <summary>The constructor arguments of every block; with <see cref="Index"/> they may read its position.</summary>
        public object[] Each { get; set; } = Array.Empty<object>();

        /// <summary>The name <see cref="Each"/>'s expressions use for the block's position (0, 1, …).</summary>
        public string? Index { get; set; }

        /// <summary>What each block's name starts with (letters, digits, <c>_</c> and <c>-</c>); its number follows, e.g. <c>block1-0</c>.</summary>
        public string Prefix { get; set; } = "";

        /// <summary>The number in the first block's name (0 unless given).</summary>
        public int FirstNumber { get; set; }
    }
}
