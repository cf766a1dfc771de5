using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>Writes safetensors: entries in the given order, header padded with spaces to 8 bytes.</summary>
    internal static class SafetensorsWriter
    {
        public static void Write(Stream stream, IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
        {
            var header = new MemoryStream();
            using (var json = new Utf8JsonWriter(header))
            {
                json.WriteStartObject();
                json.WriteStartObject("__metadata__");
                json.WriteString("format", "pt");
                json.WriteEndObject();
                long offset = 0;
                foreach (var (key, tensor) in tensors)
                {
                    string dtype = ElementTypes.ToSafetensorsName(tensor.dtype)
                        ?? throw new ArgumentException($"safetensors cannot store '{key}' of dtype {tensor.dtype}.", nameof(tensors));
                    long bytes = tensor.NumberOfElements * tensor.ElementSize;
                    json.WriteStartObject(key);
                    json.WriteString("dtype", dtype);
                    json.WriteStartArray("shape");
                    foreach (long dimension in tensor.shape)
                    {
                        json.WriteNumberValue(dimension);
                    }

                    json.WriteEndArray();
                    json.WriteStartArray("data_offsets");
                    json.WriteNumberValue(offset);
                    json.WriteNumberValue(offset + bytes);
                    json.WriteEndArray();
                    json.WriteEndObject();
                    offset += bytes;
                }

                json.WriteEndObject();
            }

            while (header.Length % 8 != 0)
            {
                header.WriteByte((byte)' ');
            }

            Span<byte> prefix = stackalloc byte[8];
            BinaryPrimitives.WriteUInt64LittleEndian(prefix, (ulong)header.Length);
            stream.Write(prefix);
            header.Position = 0;
            header.CopyTo(stream);
            foreach (var (_, tensor) in tensors)
            {
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
