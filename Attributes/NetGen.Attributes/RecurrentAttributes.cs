namespace NetGen
{
    /// <summary>Shared arguments of the recurrent layers, with PyTorch's names and defaults.</summary>
    public abstract class RecurrentAttribute : LayerAttribute
    {
        private protected RecurrentAttribute(object inputSize, object hiddenSize)
        {
            InputSize = inputSize;
            HiddenSize = hiddenSize;
        }

        public object InputSize { get; }
        public object HiddenSize { get; }
        public object NumLayers { get; set; } = 1;
        public bool Bias { get; set; } = true;
        /// <summary>Whether the sample is L×H_in (the default, as PyTorch's, reads the batch as the sequence).</summary>
        public bool BatchFirst { get; set; }
        public double Dropout { get; set; }
        public bool Bidirectional { get; set; }
    }

    /// <summary>
    /// <c>nn.LSTM</c>. The forward keeps the output sequence and disposes the final states, as
    /// <c>out, _ = lstm(x)</c> does.
    /// </summary>
    public sealed class LSTMAttribute : RecurrentAttribute
    {
        public LSTMAttribute(object inputSize, object hiddenSize) : base(inputSize, hiddenSize) { }
    }

    /// <summary><c>nn.GRU</c>; the forward keeps the output sequence.</summary>
    public sealed class GRUAttribute : RecurrentAttribute
    {
        public GRUAttribute(object inputSize, object hiddenSize) : base(inputSize, hiddenSize) { }
    }

    /// <summary><c>nn.RNN</c>; the forward keeps the output sequence.</summary>
    public sealed class RNNAttribute : RecurrentAttribute
    {
        public RNNAttribute(object inputSize, object hiddenSize) : base(inputSize, hiddenSize) { }

        /// <summary><c>"tanh"</c> or <c>"relu"</c>.</summary>
        public string Nonlinearity { get; set; } = "tanh";
    }
}
