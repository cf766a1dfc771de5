using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// Hostile checkpoints of at most 1 MiB aimed at one target's keys (the seed ResNet34's, from its PyTorch
    /// manifest), one family per way the attack of issue 15 or a neighbour of it spends a loader's time or memory.
    /// Each file states the outcome a correct loader gives it, so the budget test also checks that a family does
    /// what its name says.
    /// </summary>
    internal static class HostileFamilies
    {
        public const int MaxFileBytes = 1 << 20;

        /// <summary>A target entry as the manifest lists it.</summary>
        public sealed record Entry(string Key, long[] Shape, bool IsInt64)
        {
            public long Elements => Shape.Aggregate(1L, (a, b) => a * b);
        }

        /// <summary>One generated file: its name (with the format's extension) and whether it loads or is refused.</summary>
        public sealed record HostileFile(string Name, byte[] Bytes, bool Loads);

        public static List<Entry> ResNet34Entries()
        {
            using var manifest = JsonDocument.Parse(File.ReadAllText(Fixtures.PyTorch("resnet34.manifest.json")));
            return manifest.RootElement.GetProperty("entries").EnumerateArray()
                .Select(e => new Entry(e[0].GetString()!, [.. e[1].EnumerateArray().Select(d => d.GetInt64())], e[2].GetString() == "int64"))
                .ToList();
        }

        public static IEnumerable<HostileFile> All(List<Entry> target)
        {
            long largest = target.Max(e => e.Elements) * 4;

            // Items 2 and 3: views that address far more elements than their storage holds.
            yield return new("pt-stride0-every-key.pt", Views(target, (e, _) => (0, Zeros(e.Shape.Length)), storageElements: 1), true);
            yield return new("pt-stride0-2pow32-unexpected-key.pt", Zip(Pickle([("huge", "0", 1, 0, [1L << 32], [0])]), Stored("0", 4)), true);
            yield return new("pt-overlapping-every-key.pt", Views(target, (e, _) => (0, Ones(e.Shape.Length)), storageElements: 200_000), true);
            yield return new("pt-gapped-every-key.pt", Views(target, Gapped, storageElements: 200_000), true);
            yield return new("pt-many-unexpected-keys-one-storage.pt", ManyKeys(), true);

            // Items 3 and 10: compression bombs. The first is issue 15's 261-second file.
            yield return new("pt-deflated-960MiB-storage-stride0-every-key.pt", DeflatedShared(target, 960L << 20, contiguous: false), false);
            yield return new("pt-deflated-largest-entry-size-storage-every-key.pt", DeflatedShared(target, largest, contiguous: true), true);
            yield return new("pt-deflated-storage-per-key.pt", DeflatedPerKey(target), true);
            yield return new("pt-deflated-pickle-of-32MiB-empty-tuples.pt", Zip(Repeat(')', (32 << 20) - 16, stop: false), deflatePickle: true), false);
            yield return new("pt-deflated-pickle-of-4MiB-empty-dicts.pt", Zip(Repeat('}', (4 << 20) - 16, stop: false), deflatePickle: true), false);

            // The restricted unpickler's own memory: 1 MiB of opcodes that each make a value.
            yield return new("pt-pickle-empty-tuples.pt", Zip(Repeat(')', MaxFileBytes - 4096, stop: false)), false);
            yield return new("pt-pickle-empty-dicts.pt", Zip(Repeat('}', MaxFileBytes - 4096, stop: false)), false);
            yield return new("pt-pickle-empty-lists.pt", Zip(Repeat(']', MaxFileBytes - 4096, stop: false)), false);
            yield return new("pt-pickle-memoized.pt", Zip(Memoized(MaxFileBytes - 4096)), false);
            yield return new("pt-pickle-duplicated.pt", Zip(Repeat('2', MaxFileBytes - 4096, stop: false, first: ')')), false);
            yield return new("pt-zip-9000-records.pt", ManyRecords(9_000), true);

            // Item 4: empty shapes whose dimensions overflow int64, in each format.
            long[] overflowing = [1L << 62, 1L << 62, 0];
            yield return new("pt-overflowing-empty-shape.pt", ShapeOverflowTests.FileWith(CheckpointFormat.PyTorch, overflowing), false);
            yield return new("st-overflowing-empty-shape.safetensors", ShapeOverflowTests.FileWith(CheckpointFormat.Safetensors, overflowing), false);
            yield return new("dat-overflowing-empty-shape.dat", ShapeOverflowTests.FileWith(CheckpointFormat.TorchSharp, overflowing), false);

            // Item 14: a training checkpoint that nests its state dict under a key NetGen does not unwrap.
            yield return new("pt-nested-without-tensors.pt", Zip(new PickleBytes().Op('}').Op('(').Str("net").Op('}').Str("epoch").Int(3).Op('u').Stop()), false);

            // Item 10: many entries in the other two formats.
            yield return new("st-many-entries.safetensors", SafetensorsManyEntries(), true);
            yield return new("st-every-key-past-the-data.safetensors", SafetensorsEveryKeyPastTheData(target), false);
            yield return new("st-deeply-nested-header.safetensors", Safetensors(new string('[', 500_000)), false);
            yield return new("dat-many-entries.dat", TorchSharpManyEntries(), true);
        }

        /// <summary>Every target key as a view of one shared float storage (int64 keys get their own one-element storage).</summary>
        private static byte[] Views(List<Entry> target, Func<Entry, long, (long Offset, long[] Strides)> layout, long storageElements)
        {
            var tensors = target.Select(e =>
            {
                if (e.IsInt64)
                {
                    return (e.Key, "long", 1L, 0L, e.Shape, Zeros(e.Shape.Length));
                }

                var (offset, strides) = layout(e, storageElements);
                return (e.Key, "0", storageElements, offset, e.Shape, strides);
            }).ToList();
            return Zip(Pickle(tensors), Stored("0", storageElements * 4), Stored("long", 8));
        }

        /// <summary>Strides that spread a view across the whole storage, leaving gaps.</summary>
        private static (long Offset, long[] Strides) Gapped(Entry entry, long storageElements)
        {
            long[] strides = Ones(entry.Shape.Length);
            if (entry.Shape.Length > 0 && entry.Shape[0] > 1)
            {
                long rest = entry.Shape.Skip(1).Sum(d => d - 1);
                strides[0] = Math.Max(1, (storageElements - 1 - rest) / (entry.Shape[0] - 1));
            }

            return (0, strides);
        }

        private static byte[] ManyKeys()
        {
            var tensors = Enumerable.Range(0, 5_000).Select(i => ($"unexpected.{i}", "0", 16L, (long)(i % 16), new long[] { 1 }, new long[] { 1 })).ToList();
            return Zip(Pickle(tensors), Stored("0", 64));
        }

        /// <summary>Every float key a view of one deflated zero storage of <paramref name="inflated"/> bytes: stride 0, or contiguous from 0.</summary>
        private static byte[] DeflatedShared(List<Entry> target, long inflated, bool contiguous)
        {
            var tensors = target.Select(e => e.IsInt64
                ? (e.Key, "long", 1L, 0L, e.Shape, Zeros(e.Shape.Length))
                : (e.Key, "0", inflated / 4, 0L, e.Shape, contiguous ? ContiguousStrides(e.Shape) : Zeros(e.Shape.Length))).ToList();
            return PickleBytes.Zip(Pickle(tensors), false, StorageRecord.DeflatedZeros("0", inflated), StorageRecord.Stored("long", new byte[8]));
        }

        /// <summary>Each key its own deflated zero storage of exactly its size: 188 MB inflate from about 200 KB.</summary>
        private static byte[] DeflatedPerKey(List<Entry> target)
        {
            var tensors = target.Select((e, i) => (e.Key, $"{i}", e.Elements, 0L, e.Shape, ContiguousStrides(e.Shape), e.IsInt64)).ToList();
            var pickle = new PickleBytes().Op('}').Op('(');
            foreach (var (key, storage, elements, offset, shape, strides, isLong) in tensors)
            {
                pickle.Str(key).Tensor(storage, elements, offset, shape, strides, isLong ? "LongStorage" : "FloatStorage");
            }

            var records = tensors.Select(t => StorageRecord.DeflatedZeros(t.Item2, t.Elements * (t.IsInt64 ? 8 : 4))).ToArray();
            return PickleBytes.Zip(pickle.Op('u').Stop(), false, records);
        }

        private static byte[] Pickle(IEnumerable<(string Key, string Storage, long Elements, long Offset, long[] Shape, long[] Strides)> tensors)
        {
            var pickle = new PickleBytes().Op('}').Op('(');
            foreach (var (key, storage, elements, offset, shape, strides) in tensors)
            {
                pickle.Str(key).Tensor(storage, elements, offset, shape, strides, storage == "long" ? "LongStorage" : "FloatStorage");
            }

            return pickle.Op('u').Stop();
        }

        private static byte[] Repeat(char opcode, int count, bool stop, char? first = null)
        {
            var bytes = new List<byte> { 0x80, 2 };
            if (first is char head)
            {
                bytes.Add((byte)head);
            }

            bytes.AddRange(Enumerable.Repeat((byte)opcode, count));
            if (stop)
            {
                bytes.Add((byte)'.');
            }

            return [.. bytes];
        }

        /// <summary>An empty tuple, then MEMOIZE over and over: a memo of about a million slots.</summary>
        private static byte[] Memoized(int count) => Repeat((char)0x94, count, stop: false, first: ')');

        private static byte[] ManyRecords(int records)
        {
            var output = new MemoryStream();
            using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
            {
                using (var pickle = zip.CreateEntry("archive/data.pkl", CompressionLevel.NoCompression).Open())
                {
                    pickle.Write(new PickleBytes().Op('}').Stop());
                }

                for (int i = 0; i < records; i++)
                {
                    zip.CreateEntry($"archive/x/{i}", CompressionLevel.NoCompression).Open().Dispose();
                }
            }

            return output.ToArray();
        }

        private static byte[] SafetensorsManyEntries()
        {
            var json = new StringBuilder("{");
            for (int i = 0; json.Length < MaxFileBytes - 200; i++)
            {
                json.Append(i == 0 ? "" : ",").Append("\"k").Append(i).Append("\":{\"dtype\":\"F32\",\"shape\":[0],\"data_offsets\":[0,0]}");
            }

            return Safetensors(json.Append('}').ToString());
        }

        private static byte[] SafetensorsEveryKeyPastTheData(List<Entry> target)
        {
            long offset = 0;
            var json = new StringBuilder("{");
            foreach (var entry in target)
            {
                long bytes = entry.Elements * (entry.IsInt64 ? 8 : 4);
                json.Append(offset == 0 ? "" : ",").Append($"\"{entry.Key}\":{{\"dtype\":\"{(entry.IsInt64 ? "I64" : "F32")}\",\"shape\":[{string.Join(",", entry.Shape)}],\"data_offsets\":[{offset},{offset + bytes}]}}");
                offset += bytes;
            }

            return Safetensors(json.Append('}').ToString());
        }

        private static byte[] Safetensors(string header)
        {
            byte[] json = Encoding.UTF8.GetBytes(header);
            var bytes = new byte[8 + json.Length];
            BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)json.Length);
            json.CopyTo(bytes, 8);
            return bytes;
        }

        /// <summary>As many empty float entries as fit in 1 MiB: count, then per entry a key, dtype, rank 1 and a 0 dimension.</summary>
        private static byte[] TorchSharpManyEntries()
        {
            var entries = new MemoryStream();
            int count = 0;
            while (entries.Length < MaxFileBytes - 64)
            {
                byte[] key = Encoding.UTF8.GetBytes($"k{count++}");
                entries.WriteByte((byte)key.Length);
                entries.Write(key);
                entries.Write([6, 1, 0]);
            }

            var file = new MemoryStream();
            for (ulong rest = (ulong)count; ; )
            {
                byte low = (byte)(rest & 0x7F);
                rest >>= 7;
                file.WriteByte(rest == 0 ? low : (byte)(low | 0x80));
                if (rest == 0)
                {
                    break;
                }
            }

            entries.Position = 0;
            entries.CopyTo(file);
            return file.ToArray();
        }

        private static byte[] Zip(byte[] pickle, params StorageRecord[] storages) => PickleBytes.Zip(pickle, false, storages);

        private static byte[] Zip(byte[] pickle, bool deflatePickle) => PickleBytes.Zip(pickle, deflatePickle);

        private static StorageRecord Stored(string key, long bytes) => StorageRecord.Stored(key, new byte[bytes]);

        private static long[] Zeros(int rank) => new long[rank];

        private static long[] Ones(int rank) => [.. Enumerable.Repeat(1L, rank)];

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
    }
}
