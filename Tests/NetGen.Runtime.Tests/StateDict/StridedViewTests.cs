using System;
using System.Buffers.Binary;
using System.IO;
using System.Linq;
using CsCheck;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// Issue 15, items 2 and 3: a strided view is read as a view of its storage, never materialised at its
    /// full shape, and a storage shared by many views is read once per call.
    /// </summary>
    public sealed class StridedViewTests
    {
        /// <summary>
        /// Views of every kind: stride 0, overlapping, permuted, gapped, empty and 0-d, each over a storage that
        /// ends 0 to 5 elements past the last element the view addresses.
        /// </summary>
        private static readonly Gen<ViewCase> Views =
            Gen.Select(Gen.Int[0, 4], Gen.Int[0, 4].Array[4], Gen.Int[0, 3].Array[4], Gen.Int[0, 5], Gen.Int[0, 5])
                .Select((rank, sizes, strides, offset, spare) =>
                {
                    long[] shape = [.. sizes.Take(rank).Select(s => (long)s)];
                    long[] stride = [.. strides.Take(rank).Select(s => (long)s)];
                    long end = shape.Contains(0) ? offset : offset + 1 + shape.Zip(stride, (n, k) => (n - 1) * k).Sum();
                    return new ViewCase((int)end + spare + 1, offset, shape, stride);
                });

        [Fact]
        public void Every_view_that_fits_its_storage_reads_as_indexing_the_storage_would()
        {
            Views.Sample(view =>
            {
                using var reader = Checkpoint.Open(new MemoryStream(view.File()), CheckpointFormat.PyTorch, "views.pt");
                using var read = reader.ReadTensor("w");
                using var destination = zeros(view.Shape);
                reader.ReadInto("w", destination);

                float[] expected = view.ExpectedValues();
                Assert.Equal(view.Shape, read.shape);
                Assert.Equal(expected, Values(read));
                Assert.Equal(expected, Values(destination));
            }, iter: 400, seed: "0N0XIzNsQ0O2");
        }

        [SkippableFact]
        public void Views_that_torch_save_wrote_read_equal_to_their_values_in_PyTorch()
        {
            PythonTorch.SkipIfUnavailable();
            using var directory = new TempDirectory();
            PythonTorch.Run("make-views", directory.File("views.pt"), directory.File("expected.json"));
            var expected = PythonTorch.ReadExpected(directory.File("expected.json"));

            using var reader = Checkpoint.Open(directory.File("views.pt"));
            var all = reader.ReadAll();
            foreach (var (key, want) in expected)
            {
                using var destination = zeros(want.shape, want.dtype);
                reader.ReadInto(key, destination);

                Assert.True(want.Equals(all[key]), $"ReadAll '{key}'");
                Assert.True(want.Equals(destination), $"ReadInto '{key}'");
            }

            Assert.Equal([0L], all["stride0"].stride());
            Assert.Equal(all["shared.a"].storage<float>().data_ptr(), all["scalar"].storage<float>().data_ptr());
        }

        [Fact]
        public void A_stride_0_view_of_2_to_the_32_elements_over_one_element_is_read_as_a_view_of_that_element()
        {
            // The 515-byte file of issue 15 item 2: materialising it needs 16 GiB.
            var pickle = new PickleBytes().Op('}').Op('(').Str("w").Tensor("0", 1, 0, [1L << 32], [0]).Op('u').Stop();
            byte[] file = PickleBytes.Zip(pickle, ("0", Floats(2.5f)));

            var all = Checkpoint.Open(new MemoryStream(file), CheckpointFormat.PyTorch, "stride0.pt").ReadAll();
            using var w = all["w"];

            Assert.True(file.Length < 600, $"{file.Length} bytes");
            Assert.Equal([1L << 32], w.shape);
            Assert.Equal([0L], w.stride());
            Assert.Equal(4UL, w.storage<float>().nbytes());
            Assert.Equal(2.5f, w[(1L << 32) - 1].item<float>());
        }

        [Fact]
        public void Two_hundred_keys_viewing_one_storage_share_it_instead_of_copying_it_200_times()
        {
            // Issue 15 item 2: a 4 MB file of 200 keys viewing one 4 MiB storage used to return 800 MiB.
            const int elements = 1 << 20;
            var pickle = new PickleBytes().Op('}').Op('(');
            for (int key = 0; key < 200; key++)
            {
                pickle.Str($"k{key}").Tensor("0", elements, key, [elements - key], [1]);
            }

            byte[] file = PickleBytes.Zip(pickle.Op('u').Stop(), ("0", new byte[elements * 4]));
            var all = Checkpoint.Open(new MemoryStream(file), CheckpointFormat.PyTorch, "shared.pt").ReadAll();
            try
            {
                var storages = all.Values.Select(t => (Pointer: t.storage<float>().data_ptr(), Bytes: t.storage<float>().nbytes())).Distinct().ToList();

                Assert.Equal(200, all.Count);
                Assert.Equal((ulong)elements * 4, Assert.Single(storages).Bytes);
                Assert.Equal(elements - 199, all["k199"].shape[0]);
            }
            finally
            {
                foreach (var tensor in all.Values)
                {
                    tensor.Dispose();
                }
            }
        }

        [Fact]
        public void A_load_reads_each_storage_once_however_many_views_it_has()
        {
            // Issue 15 item 3: every non-contiguous read inflated the whole deflated storage again (261 s).
            // Here 64 stride-0 views share one deflated storage; the file's compressed bytes are read once.
            const int entries = 64;
            var pickle = new PickleBytes().Op('}').Op('(');
            for (int key = 0; key < entries; key++)
            {
                pickle.Str($"w{key}").Tensor("0", 1 << 20, key, [256, 4096], [0, 1]);
            }

            byte[] file = PickleBytes.Zip(pickle.Op('u').Stop(), false, StorageRecord.DeflatedZeros("0", 4 << 20));
            using var model = StateTree.FromShapes(Enumerable.Range(0, entries).Select(key => ($"w{key}", new long[] { 256, 4096 })));
            var counting = new CountingStream(new MemoryStream(file));

            using var reader = Checkpoint.Open(counting, CheckpointFormat.PyTorch, "shared-deflated.pt");
            long afterOpen = counting.BytesRead;
            var report = model.LoadState(reader);

            Assert.True(report.IsComplete, report.ToString());
            Assert.True(counting.BytesRead - afterOpen < file.Length, $"a load of {file.Length} bytes read {counting.BytesRead - afterOpen}");
        }

        private static float[] Values(Tensor tensor) => tensor.NumberOfElements == 0 ? [] : tensor.contiguous().data<float>().ToArray();

        internal static byte[] Floats(params float[] values)
        {
            var bytes = new byte[values.Length * 4];
            for (int i = 0; i < values.Length; i++)
            {
                BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), values[i]);
            }

            return bytes;
        }

        /// <summary>A view case: storage values are 1, 2, 3, ..., so every element read names the storage index it came from.</summary>
        internal sealed record ViewCase(int StorageElements, long Offset, long[] Shape, long[] Strides)
        {
            public byte[] File()
            {
                var pickle = new PickleBytes().Op('}').Op('(').Str("w").Tensor("0", StorageElements, Offset, Shape, Strides).Op('u').Stop();
                return PickleBytes.Zip(pickle, ("0", Floats([.. Enumerable.Range(1, StorageElements).Select(i => (float)i)])));
            }

            /// <summary>The values in row-major order, by index arithmetic: element (i0, i1, ...) is storage[offset + Σ i_d·stride_d].</summary>
            public float[] ExpectedValues()
            {
                long count = Shape.Aggregate(1L, (a, b) => a * b);
                var values = new float[count];
                var index = new long[Shape.Length];
                for (long n = 0; n < count; n++)
                {
                    long at = Offset;
                    for (int d = 0; d < Shape.Length; d++)
                    {
                        at += index[d] * Strides[d];
                    }

                    values[n] = at + 1;
                    for (int d = Shape.Length - 1; d >= 0 && ++index[d] == Shape[d]; d--)
                    {
                        index[d] = 0;
                    }
                }

                return values;
            }

            public override string ToString() =>
                $"storage {StorageElements}, offset {Offset}, size {TensorShapes.Format(Shape)}, stride {TensorShapes.Format(Strides)}";
        }
    }
}
