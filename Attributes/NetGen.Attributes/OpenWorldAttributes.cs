using System;

namespace NetGen
{
    /// <summary>
    /// On a member of any module type that NetGen has no layer attribute for (an <c>LSTM</c>, a
    /// <c>MultiheadAttention</c>, a module of the user's or of another library): the static or instance
    /// method of the model that creates it, e.g. <c>[Factory(nameof(CreateRnn))]</c>. Each parameter of the
    /// method is passed the model's hyperparameter of the same name; a parameter with a default value and no
    /// such hyperparameter keeps its default. NetGen registers the result under the member's name, includes
    /// its entries in the state map, and applies the init rules inside it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class FactoryAttribute : Attribute
    {
        public FactoryAttribute(string method) => Method = method;

        /// <summary>The method's name; write it with <c>nameof</c> so it is rename-safe.</summary>
        public string Method { get; }
    }

    /// <summary>
    /// A learnable tensor of the model itself (PyTorch's <c>nn.Parameter</c>), such as a class token, on a
    /// member typed <c>Parameter</c>. The shape's entries are ints or hyperparameter names. It starts as
    /// zeros, like <c>nn.Parameter(torch.zeros(...))</c>; an <c>[Init]</c> on the member says otherwise.
    /// A hand-written forward uses it as it likes; a generated forward uses it where it is declared, as
    /// <see cref="Use"/> says.
    /// </summary>
    /// <example>
    /// A vision transformer's tokens: <c>[Parameter(1, 1, "hiddenDim", Use = ParameterUse.Prepend)]</c> on
    /// <c>class_token</c>, <c>[Parameter(1, "seqLength", "hiddenDim", Use = ParameterUse.Add)]</c> on <c>pos_embedding</c>.
    /// </example>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class ParameterAttribute : Attribute
    {
        public ParameterAttribute(params object[] shape) => Shape = shape;

        public object[] Shape { get; }

        /// <summary>False for a tensor that is saved with the model but not trained.</summary>
        public bool RequiresGrad { get; set; } = true;

        /// <summary>What a generated forward does with the tensor where it is declared; nothing by default.</summary>
        public ParameterUse Use { get; set; } = ParameterUse.None;

        /// <summary>For <see cref="ParameterUse.Prepend"/>: the dimension to prepend along, counting the batch (1: the sequence).</summary>
        public int Dim { get; set; } = 1;
    }

    /// <summary>What a generated forward does with a <see cref="ParameterAttribute"/> member, at its place among the members.</summary>
    public enum ParameterUse
    {
        /// <summary>Nothing: only a hand-written forward uses it.</summary>
        None,

        /// <summary><c>x + p</c>, broadcast as PyTorch broadcasts: a position embedding of shape (1, seq, dim).</summary>
        Add,

        /// <summary>
        /// <c>cat([p.expand(batch, -1, …), x], dim)</c>: the tensor, whose first dimension is 1, is repeated for every sample
        /// and put in front of <c>x</c> along <see cref="ParameterAttribute.Dim"/>: a class token of shape (1, 1, dim).
        /// </summary>
        Prepend,

        /// <summary><c>p * x</c>, broadcast as PyTorch broadcasts: ConvNeXt's layer scale of shape (dim, 1, 1).</summary>
        Multiply,
    }

    /// <summary>
    /// How a member that NetGen cannot see into maps the shape of one sample (without the batch dimension)
    /// to its output, so that shape checks and size inference go on after it. Each entry is an int, a
    /// hyperparameter name (checked against what arrives), or any other name, which stands for whatever size
    /// arrives there and can be reused in <see cref="Output"/>: <c>Input = ["seq", "embed"], Output = ["seq", "hidden"]</c>.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class ContractAttribute : Attribute
    {
        public object[] Input { get; set; } = Array.Empty<object>();

        public object[] Output { get; set; } = Array.Empty<object>();
    }

    /// <summary>
    /// Written by the generator, one per model, so that a project referencing this assembly checks and
    /// infers shapes across the boundary as if the model were its own. Not meant to be written by hand.
    /// </summary>
    [AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
    public sealed class ModelDescriptorAttribute : Attribute
    {
        public ModelDescriptorAttribute(Type model, string descriptor)
        {
            Model = model;
            Descriptor = descriptor;
        }

        public Type Model { get; }

        /// <summary>The model's declaration in NetGen's versioned descriptor format.</summary>
        public string Descriptor { get; }
    }
}
