using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using System.Numerics;
using System.Text;
using CsCheck;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// Issue 15, item 4: a shape such as <c>[2^62, 2^62, 0]</c> is empty, but libtorch cannot create it, and it
    /// escaped as <c>ExternalException</c> (from <c>torch.empty</c>) or <c>OverflowException</c>. Every format now
    /// refuses any shape whose non-zero dimensions multiply past int64 with <see cref="CheckpointFormatException"/>.
    /// </summary>
    public sealed class ShapeOverflowTests
    {
        private static readonly long[] Large = [1L << 31, 1L << 32, 3_000_000_019, 1L << 40, 1L << 62, long.MaxValue];

        /// <summary>
        /// Shapes of rank 3 to 6: one to three 0s among a dimension of at least 2^40, another of at least 2^31 (so
        /// the non-zero dimensions multiply past int64) and up to two more large ones, in any order.
        /// </summary>
        private static readonly Gen<long[]> OverflowingEmptyShapes =
            Gen.Select(Gen.Int[3, Large.Length - 1], Gen.Int[0, Large.Length - 1].Array[1, 3], Gen.Int[1, 3], Gen.Int[0, 5])
                .Select((huge, others, zeros, zeroAt) =>
                {
                    var shape = others.Select(i => Large[i]).Prepend(Large[huge]).ToList();
                    for (int z = 0; z < zeros; z++)
                    {
                        shape.Insert(Math.Min(zeroAt + z, shape.Count), 0);
                    }

                    return shape.ToArray();
                });

        public static TheoryData<CheckpointFormat> Formats => new() { CheckpointFormat.PyTorch, CheckpointFormat.Safetensors, CheckpointFormat.TorchSharp };

        [Theory]
        [MemberData(nameof(Formats))]
        public void Every_empty_shape_whose_dimensions_overflow_is_refused_as_a_format_error(CheckpointFormat format)
        {
            OverflowingEmptyShapes.Sample(shape =>
            {
                Assert.True(shape.Where(d => d != 0).Aggregate(BigInteger.One, (a, d) => a * d) > long.MaxValue);
                var error = Assert.Throws<CheckpointFormatException>(() => HostileFileTests.ReadEverything(FileWith(format, shape), format));

                Assert.Contains(TensorShapes.Format(shape), error.Message);
            }, iter: 150, seed: "0aQ2cm2M1Xx2");
        }

        [Theory]
        [MemberData(nameof(Formats))]
        public void An_empty_shape_that_libtorch_can_create_still_reads_as_an_empty_tensor(CheckpointFormat format)
        {
            long[] shape = [0, 1L << 31, 4];

            using var reader = Checkpoint.Open(new MemoryStream(FileWith(format, shape)), format, "empty");
            using var tensor = reader.ReadTensor("w");

            Assert.Equal(shape, tensor.shape);
            Assert.Equal(0, reader.Entries[0].NumberOfElements);
        }

        [Fact]
        public void NumberOfElements_is_0_whenever_a_dimension_is_0_and_throws_only_for_a_real_overflow()
        {
            Assert.Equal(0, TensorShapes.NumberOfElements([1L << 62, 1L << 62, 0]));
            Assert.Equal(0, TensorShapes.NumberOfElements([0, long.MaxValue, long.MaxValue]));
            Assert.Equal(1, TensorShapes.NumberOfElements([]));
            Assert.Throws<OverflowException>(() => TensorShapes.NumberOfElements([1L << 62, 1L << 62]));
        }

        /// <summary>A file holding one float32 entry "w" of <paramref name="shape"/> and no data.</summary>
        internal static byte[] FileWith(CheckpointFormat format, long[] shape) => format switch
        {
            CheckpointFormat.PyTorch => PickleBytes.Zip(
                new PickleBytes().Op('}').Op('(').Str("w").Tensor("0", 0, 0, shape, new long[shape.Length]).Op('u').Stop(),
                ("0", [])),
            CheckpointFormat.Safetensors => Safetensors($"{{\"w\":{{\"dtype\":\"F32\",\"shape\":[{string.Join(",", shape)}],\"data_offsets\":[0,0]}}}}"),
            _ => TorchSharpFile(shape),
        };

        private static byte[] Safetensors(string header)
        {
            byte[] json = Encoding.UTF8.GetBytes(header);
            var bytes = new byte[8 + json.Length];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
            json.CopyTo(bytes, 8);
            return bytes;
        }

        private static byte[] TorchSharpFile(long[] shape)
        {
            var bytes = new MemoryStream();
            bytes.Write([1, 1, (byte)'w', (byte)ScalarType.Float32, (byte)shape.Length]);
            foreach (long dimension in shape)
            {
                ulong rest = (ulong)dimension;
                do
                {
                    byte low = (byte)(rest & 0x7F);
                    rest >>= 7;
                    bytes.WriteByte(rest == 0 ? low : (byte)(low | 0x80));
                }
                while (rest != 0);
            }

            return bytes.ToArray();
        }
    }
}
