using System;
using System.IO;

namespace NetGen
{
    /// <summary>The checkpoint file formats NetGen reads and writes.</summary>
    public enum CheckpointFormat
    {
        /// <summary>PyTorch's zip format written by <c>torch.save(model.state_dict(), path)</c>: <c>.pt</c>, <c>.pth</c>, <c>.bin</c>.</summary>
        PyTorch,

        /// <summary>Hugging Face safetensors: <c>.safetensors</c>.</summary>
        Safetensors,

        /// <summary>TorchSharp's own format written by <c>Module.save</c>: <c>.dat</c>.</summary>
        TorchSharp,
    }

    /// <summary>Chooses a <see cref="CheckpointFormat"/> from a file name.</summary>
    public static class CheckpointFormats
    {
        /// <summary>
        /// The format for a file extension: <c>.pt</c>, <c>.pth</c>, <c>.bin</c> → PyTorch; <c>.safetensors</c>;
        /// <c>.dat</c> → TorchSharp. Throws <see cref="ArgumentException"/> for any other extension; pass the
        /// format explicitly then.
        /// </summary>
        public static CheckpointFormat FromPath(string path)
        {
            ArgumentNullException.ThrowIfNull(path);
            string extension = Path.GetExtension(path).ToLowerInvariant();
            return extension switch
            {
                ".pt" or ".pth" or ".bin" => CheckpointFormat.PyTorch,
                ".safetensors" => CheckpointFormat.Safetensors,
                ".dat" => CheckpointFormat.TorchSharp,
                _ => throw new ArgumentException(
                    $"Cannot tell the checkpoint format of '{path}' from its extension '{extension}'. "
                    + "Use .pt/.pth/.bin (PyTorch), .safetensors or .dat (TorchSharp), or pass the format explicitly.",
                    nameof(path)),
            };
        }
    }
}
