using System.Collections.Generic;
using System.IO;
using System.Text;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>Writes the format of TorchSharp's <c>Module.save</c>, so <c>Module.load</c> reads the file back.</summary>
    internal static class TorchSharpCheckpointWriter
    {
        public static void Write(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
        {
            Leb128.Write(stream, tensors.Count);
            using var writer = new BinaryWriter(stream, new UTF8Encoding(false), leaveOpen: true);
            foreach (var (key, tensor) in tensors)
            {
                writer.Write(key);
                writer.Flush();
                Leb128.Write(stream, (long)tensor.dtype);
                Leb128.Write(stream, tensor.shape.Length);
                foreach (long dimension in tensor.shape)
                {
                    Leb128.Write(stream, dimension);
                }

                var data = TensorBytes.ContiguousCpu(tensor, out bool owned);
                try
                {
                    TensorBytes.Write(stream, data);
                }
                finally
                {
                    if (owned)
                    {
                        data.Dispose();
                    }
                }
            }
        }
    }
}
