using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
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

        public byte[] Stop() => Op('.').ToArray();

        public byte[] ToArray() => _bytes.ToArray();

        /// <summary>A zip laid out as torch.save lays it out: archive/data.pkl and archive/data/KEY records.</summary>
        public static byte[] Zip(byte[] pickle, params (string Key, byte[] Data)[] storages)
        {
            var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                Write(zip, "archive/data.pkl", pickle);
                foreach (var (key, data) in storages)
                {
                    Write(zip, $"archive/data/{key}", data);
                }

                Write(zip, "archive/version", Encoding.ASCII.GetBytes("3\n"));
            }

            return output.ToArray();
        }

        private static void Write(ZipArchive zip, string name, byte[] data)
        {
            using var stream = zip.CreateEntry(name, CompressionLevel.NoCompression).Open();
            stream.Write(data);
        }
    }
}
