using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Opens, reads and writes checkpoint files in any <see cref="CheckpointFormat"/>. Reading a corrupt or
    /// hostile file throws <see cref="CheckpointFormatException"/> and nothing else; writing a file is atomic.
    /// To load into a model use <see cref="ModuleStateExtensions.LoadCheckpoint"/>.
    /// </summary>
    public static class Checkpoint
    {
        /// <summary>Opens a checkpoint file; the format comes from the extension unless given.</summary>
        public static CheckpointReader Open(string path, CheckpointFormat? format = null)
        {
            var chosen = format ?? CheckpointFormats.FromPath(path);
            var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            try
            {
                return Open(stream, chosen, path, ownsStream: true);
            }
            catch
            {
                stream.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Reads a checkpoint from a seekable stream. The reader owns the stream only when
        /// <paramref name="ownsStream"/> is true. <paramref name="sourceName"/> appears in error messages.
        /// </summary>
        public static CheckpointReader Open(Stream stream, CheckpointFormat format, string sourceName = "<stream>", bool ownsStream = false)
        {
            ArgumentNullException.ThrowIfNull(stream);
            if (!stream.CanSeek || !stream.CanRead)
            {
                throw new ArgumentException("Checkpoints are read from a readable, seekable stream.", nameof(stream));
            }

            return format switch
            {
                CheckpointFormat.PyTorch => new PyTorchCheckpointReader(stream, sourceName, ownsStream),
                CheckpointFormat.Safetensors => new SafetensorsReader(stream, sourceName, ownsStream),
                CheckpointFormat.TorchSharp => new TorchSharpCheckpointReader(stream, sourceName, ownsStream),
                _ => throw new ArgumentOutOfRangeException(nameof(format)),
            };
        }

        /// <summary>
        /// Reads every tensor of a checkpoint file into new CPU tensors. As with torch.load, entries that share a
        /// storage in the file share memory, and a strided view comes back as a view (see <see cref="CheckpointReader.ReadAll"/>).
        /// </summary>
        public static Dictionary<string, Tensor> ReadAll(string path, CheckpointFormat? format = null)
        {
            using var reader = Open(path, format);
            return reader.ReadAll();
        }

        /// <summary>Writes tensors to <paramref name="path"/> atomically, in the order given.</summary>
        public static void Write(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors, CheckpointFormat? format = null)
        {
            var chosen = format ?? CheckpointFormats.FromPath(path);
            var list = tensors.ToList();
            AtomicFile.Write(path, stream => Write(stream, list, chosen));
        }

        /// <summary>Writes tensors to a stream, in the order given. Keys must be unique.</summary>
        public static void Write(Stream stream, IEnumerable<KeyValuePair<string, Tensor>> tensors, CheckpointFormat format)
        {
            ArgumentNullException.ThrowIfNull(stream);
            var list = tensors as IReadOnlyList<KeyValuePair<string, Tensor>> ?? tensors.ToList();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (key, tensor) in list)
            {
                if (!seen.Add(key))
                {
                    throw new ArgumentException($"The key '{key}' occurs twice.", nameof(tensors));
                }

                if (!ElementTypes.IsSupported(tensor.dtype))
                {
                    throw new ArgumentException($"'{key}' has dtype {tensor.dtype}, which NetGen cannot write.", nameof(tensors));
                }
            }

            switch (format)
            {
                case CheckpointFormat.PyTorch:
                    PyTorchCheckpointWriter.Write(stream, list);
                    break;
                case CheckpointFormat.Safetensors:
                    SafetensorsWriter.Write(stream, list);
                    break;
                case CheckpointFormat.TorchSharp:
                    TorchSharpCheckpointWriter.Write(stream, list);
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(format));
            }
        }
    }
}
