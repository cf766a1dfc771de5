using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>Builds hostile checkpoint bytes by hand: pickles opcode by opcode, zips record by record.</summary>
    internal sealed class PickleBytes
    {
        private readonly MemoryStream _bytes = new();

        public PickleBytes() => Op(0x80).Op(2);

        public PickleBytes Op(params byte[] opcodes)
        {
            _bytes.Write(opcodes);
            return this;
        }

        public PickleBytes Op(char opcode) => Op((byte)opcode);

        public PickleBytes Str(string value)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(value);
            var length = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(length, utf8.Length);
            return Op('X').Op(length).Op(utf8);
        }

        public PickleBytes Int(int value)
        {
            var bytes = new byte[4];
            BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
            return Op('J').Op(bytes);
        }

        /// <summary>Pushes a 64-bit integer (LONG1 with 8 bytes), for sizes past int32.</summary>
        public PickleBytes Long(long value)
        {
            var bytes = new byte[8];
            BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
            return Op(0x8a, 8).Op(bytes);
        }

        public PickleBytes Longs(params long[] values)
        {
            Op('(');
            foreach (long value in values)
            {
                Long(value);
            }

            return Op('t');
        }

        public PickleBytes Global(string module, string name) => Op('c').Op(Encoding.ASCII.GetBytes($"{module}\n{name}\n"));

        public PickleBytes Ints(params int[] values)
        {
            Op('(');
            foreach (int value in values)
            {
                Int(value);
            }

            return Op('t');
        }

        /// <summary>Pushes <c>_rebuild_tensor_v2(('storage', torch.FloatStorage, key, 'cpu', numel), offset, size, stride, False, OrderedDict())</c>.</summary>
        public PickleBytes FloatTensor(string storageKey, int numel, int offset, int[] size, int[] stride) =>
            Global("torch._utils", "_rebuild_tensor_v2").Op('(')
                .Op('(').Str("storage").Global("torch", "FloatStorage").Str(storageKey).Str("cpu").Int(numel).Op('t').Op('Q')
                .Int(offset).Ints(size).Ints(stride).Op(0x89).Global("collections", "OrderedDict").Op(')').Op('R')
                .Op('t').Op('R');

        /// <summary>Pushes a tensor view with 64-bit sizes: <c>_rebuild_tensor_v2((..., torch.STORAGE, key, 'cpu', numel), offset, size, stride, ...)</c>.</summary>
        public PickleBytes Tensor(string storageKey, long numel, long offset, long[] size, long[] stride, string storage = "FloatStorage") =>
            Global("torch._utils", "_rebuild_tensor_v2").Op('(')
                .Op('(').Str("storage").Global("torch", storage).Str(storageKey).Str("cpu").Long(numel).Op('t').Op('Q')
                .Long(offset).Longs(size).Longs(stride).Op(0x89).Global("collections", "OrderedDict").Op(')').Op('R')
                .Op('t').Op('R');

        public byte[] Stop() => Op('.').ToArray();

        public byte[] ToArray() => _bytes.ToArray();

        /// <summary>A zip laid out as torch.save lays it out: archive/data.pkl and archive/data/KEY records.</summary>
        public static byte[] Zip(byte[] pickle, params (string Key, byte[] Data)[] storages) =>
            Zip(pickle, false, [.. storages.Select(s => new StorageRecord(s.Key, s.Data, 0, false))]);

        /// <summary>
        /// A torch.save-shaped zip whose records may be deflated (which torch.save never does, but torch.load reads):
        /// each storage is its bytes followed by <see cref="StorageRecord.Zeros"/> zero bytes, streamed, so a
        /// compression bomb is cheap to build.
        /// </summary>
        public static byte[] Zip(byte[] pickle, bool deflatePickle, params StorageRecord[] storages)
        {
            var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                Write(zip, "archive/data.pkl", pickle, 0, deflatePickle);
                foreach (var storage in storages)
                {
                    Write(zip, $"archive/data/{storage.Key}", storage.Data, storage.Zeros, storage.Deflate);
                }

                Write(zip, "archive/version", Encoding.ASCII.GetBytes("3\n"), 0, false);
            }

            return output.ToArray();
        }

        private static void Write(ZipArchive zip, string name, byte[] data, long zeros, bool deflate)
        {
            using var stream = zip.CreateEntry(name, deflate ? CompressionLevel.Optimal : CompressionLevel.NoCompression).Open();
            stream.Write(data);
            var block = new byte[1 << 20];
            for (long left = zeros; left > 0; left -= block.Length)
            {
                stream.Write(block, 0, (int)System.Math.Min(left, block.Length));
            }
        }
    }

    /// <summary>One storage record of a crafted zip: <see cref="Data"/> then <see cref="Zeros"/> zero bytes, deflated or stored.</summary>
    internal sealed record StorageRecord(string Key, byte[] Data, long Zeros, bool Deflate)
    {
        public static StorageRecord Stored(string key, byte[] data) => new(key, data, 0, false);

        public static StorageRecord DeflatedZeros(string key, long bytes) => new(key, [], bytes, true);
    }
}
