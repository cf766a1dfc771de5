using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// What a generated forward keeps of a recurrent layer's tuple: the output sequence, as <c>out, _ = lstm(x)</c>
    /// does in PyTorch. The final hidden (and cell) states are disposed at once, so nothing leaks per call.
    /// </summary>
    public static class RecurrentOutput
    {
        /// <summary>LSTM: (output, h_n, c_n).</summary>
        public static Tensor Sequence((Tensor Output, Tensor Hidden, Tensor Cell) result)
        {
            result.Hidden.Dispose();
            result.Cell.Dispose();
            return result.Output;
        }

        /// <summary>GRU and RNN: (output, h_n).</summary>
        public static Tensor Sequence((Tensor Output, Tensor Hidden) result)
        {
            result.Hidden.Dispose();
            return result.Output;
        }
    }
}
