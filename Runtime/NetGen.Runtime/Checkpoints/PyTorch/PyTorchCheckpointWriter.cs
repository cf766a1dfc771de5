using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Writes a zip that <c>torch.load</c> reads: <c>archive/data.pkl</c>, one uncompressed <c>archive/data/N</c>
    /// record per tensor, and <c>archive/version</c>.
    /// </summary>
    internal static class PyTorchCheckpointWriter
    {
        private const string Prefix = "archive";

        public static void Write(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
        {
            byte[] pickle = StateDictPickleWriter.Write(tensors);
            using var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
            using (var record = archive.CreateEntry($"{Prefix}/data.pkl", CompressionLevel.NoCompression).Open())
            {
                record.Write(pickle);
            }

            for (int index = 0; index < tensors.Count; index++)
            {
                var data = TensorBytes.ContiguousCpu(tensors[index].Value, out bool owned);
                try
                {
                    using var record = archive.CreateEntry($"{Prefix}/data/{index}", CompressionLevel.NoCompression).Open();
                    TensorBytes.Write(record, data);
                }
                finally
                {
                    if (owned)
                    {
                        data.Dispose();
                    }
                }
            }

            using (var record = archive.CreateEntry($"{Prefix}/version", CompressionLevel.NoCompression).Open())
            {
                record.Write("3\n"u8);
            }
        }
    }
}
