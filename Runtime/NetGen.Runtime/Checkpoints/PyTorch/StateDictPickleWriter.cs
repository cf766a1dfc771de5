using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.Text;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Writes the <c>data.pkl</c> of a state dict as <c>torch.save</c> does with protocol 2: an OrderedDict of
    /// <c>_rebuild_tensor_v2(persistent storage, offset, size, stride, requires_grad, OrderedDict())</c>, one
    /// contiguous storage per tensor named by its index.
    /// </summary>
    internal static class StateDictPickleWriter
    {
        public static byte[] Write(IReadOnlyList<KeyValuePair<string, Tensor>> tensors)
        {
            var pickle = new MemoryStream();
            pickle.Write([0x80, 2]);
            Global(pickle, "collections", "OrderedDict");
            pickle.Write([(byte)')', (byte)'R']);
            pickle.WriteByte((byte)'(');
            for (int index = 0; index < tensors.Count; index++)
            {
                var (key, tensor) = tensors[index];
                long[] shape = tensor.shape;
                String(pickle, key);
                Global(pickle, "torch._utils", "_rebuild_tensor_v2");
                pickle.WriteByte((byte)'(');
                pickle.WriteByte((byte)'(');
                String(pickle, "storage");
                Global(pickle, "torch", ElementTypes.ToStorageName(tensor.dtype)
                    ?? throw new System.ArgumentException($"'{key}' has dtype {tensor.dtype}, which a PyTorch checkpoint cannot hold."));
                String(pickle, index.ToString(System.Globalization.CultureInfo.InvariantCulture));
                String(pickle, "cpu");
                Int(pickle, tensor.NumberOfElements);
                pickle.WriteByte((byte)'t');
                pickle.WriteByte((byte)'Q');
                Int(pickle, 0);
                Tuple(pickle, shape);
                Tuple(pickle, ContiguousStrides(shape));
                pickle.WriteByte(0x89);
                Global(pickle, "collections", "OrderedDict");
                pickle.Write([(byte)')', (byte)'R', (byte)'t', (byte)'R']);
            }

            pickle.Write([(byte)'u', (byte)'.']);
            return pickle.ToArray();
        }

        private static long[] ContiguousStrides(long[] shape)
        {
            var strides = new long[shape.Length];
            long stride = 1;
            for (int d = shape.Length - 1; d >= 0; d--)
            {
                strides[d] = stride;
                stride *= shape[d];
            }

            return strides;
        }

        private static void Global(Stream pickle, string module, string name)
        {
            pickle.WriteByte((byte)'c');
            pickle.Write(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));
        }

        private static void String(Stream pickle, string value)
        {
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            pickle.WriteByte((byte)'X');
            System.Span<byte> length = stackalloc byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
            pickle.Write(length);
            pickle.Write(bytes);
        }

        private static void Tuple(Stream pickle, long[] values)
        {
            pickle.WriteByte((byte)'(');
            foreach (long value in values)
            {
                Int(pickle, value);
            }

            pickle.WriteByte((byte)'t');
        }

        private static void Int(Stream pickle, long value)
        {
            System.Span<byte> buffer = stackalloc byte[9];
            if (value is >= 0 and <= byte.MaxValue)
            {
                pickle.Write([(byte)'K', (byte)value]);
            }
            else if (value is >= 0 and <= ushort.MaxValue)
            {
                buffer[0] = (byte)'M';
                BinaryPrimitives.WriteUInt16LittleEndian(buffer[1..], (ushort)value);
                pickle.Write(buffer[..3]);
            }
            else if (value is >= int.MinValue and <= int.MaxValue)
            {
                buffer[0] = (byte)'J';
                BinaryPrimitives.WriteInt32LittleEndian(buffer[1..], (int)value);
                pickle.Write(buffer[..5]);
            }
            else
            {
                buffer[0] = 0x8a;
                buffer[1] = 8;
                pickle.Write(buffer[..2]);
                BinaryPrimitives.WriteInt64LittleEndian(buffer, value);
                pickle.Write(buffer[..8]);
            }
        }
    }
}
