using System;

namespace NetGen
{
    /// <summary>
    /// Base of every layer attribute. On a member typed as the layer itself, the attribute whose layer
    /// matches the member's type is the module and the others are functional ops applied before or
    /// after it, in reading order. On a member typed <c>Sequential</c>, each attribute is one indexed child.
    /// On the model class itself, the attributes make the model an indexed Sequential, as
    /// <c>nn.Sequential(...)</c> does: its children are named <c>0</c>, <c>1</c>, … with no members.
    /// </summary>
    /// <remarks>
    /// Size arguments are typed <see cref="object"/> so that each can be an <c>int</c> or the name of a
    /// constructor parameter of the model (<c>nameof(outChannels)</c> with a primary constructor, or the
    /// parameter's name as a string); the generator checks every name.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public abstract class LayerAttribute : Attribute
    {
        /// <summary>
        /// Only for a child of a <c>Sequential</c> member: a bool expression over the constructor parameters (and,
        /// under <see cref="ForEachAttribute"/>, the loop's names) saying whether this child exists, e.g.
        /// <c>When = "batchNorm"</c>. The children that follow take the next free index, as when PyTorch code
        /// builds a list with <c>if</c> and wraps it in <c>nn.Sequential(*layers)</c>.
        /// </summary>
        public string? When { get; set; }

        /// <summary>
        /// Only for a child of a <c>Sequential</c> member: its name in the state dict instead of its index, as
        /// <c>nn.Sequential(OrderedDict(...))</c> names it, e.g. DenseNet's <c>Name = "conv0"</c> gives
        /// <c>features.conv0.weight</c>. Children without a name keep their position (<c>str(len(self))</c>).
        /// </summary>
        public string? Name { get; set; }
    }
}
