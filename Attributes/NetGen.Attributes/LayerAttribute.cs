using System;

namespace NetGen
{
    /// <summary>
    /// Base of every layer attribute. On a member typed as the layer itself, the attribute whose layer
    /// matches the member's type is the module and the others are functional ops applied before or
    /// after it, in reading order. On a member typed <c>Sequential</c>, each attribute is one indexed child.
    /// </summary>
    /// <remarks>
    /// Size arguments are typed <see cref="object"/> so that each can be an <c>int</c> or the name of a
    /// constructor parameter of the model (<c>nameof(outChannels)</c> with a primary constructor, or the
    /// parameter's name as a string); the generator checks every name.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = true, Inherited = false)]
    public abstract class LayerAttribute : Attribute
    {
    }
}
