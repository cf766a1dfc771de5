using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Threading.Tasks;
using Xunit.Abstractions;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// Mutated checkpoints (byte flips, truncations, insertions, deletions, overwritten size fields) with a fixed
    /// seed: every case either loads or throws <see cref="CheckpointFormatException"/>; no other exception, no
    /// crash, and no case may run past its time limit.
    /// </summary>
    public sealed class FuzzTests(ITestOutputHelper output)
    {
        private static readonly int Cases = int.TryParse(Environment.GetEnvironmentVariable("NETGEN_FUZZ_CASES"), out int cases) ? cases : 1200;
        private static readonly TimeSpan CaseLimit = TimeSpan.FromSeconds(10);

        [Theory]
        [InlineData(CheckpointFormat.PyTorch, 101)]
        [InlineData(CheckpointFormat.Safetensors, 202)]
        [InlineData(CheckpointFormat.TorchSharp, 303)]
        public async Task Mutated_checkpoints_load_or_throw_CheckpointFormatException_only(CheckpointFormat format, int seed)
        {
            byte[] original = HostileFileTests.SavedBytes(format);

            await RunCases(format.ToString(), format, new Random(seed), random => Mutate(original, random));
        }

        [Fact]
        public async Task Mutated_pickles_inside_a_well_formed_zip_load_or_throw_CheckpointFormatException_only()
        {
            byte[] original = HostileFileTests.SavedBytes(CheckpointFormat.PyTorch);
            byte[] pickle;
            var storages = new List<(string Key, byte[] Data)>();
            using (var zip = new ZipArchive(new MemoryStream(original), ZipArchiveMode.Read))
            {
                pickle = ReadRecord(zip.GetEntry("archive/data.pkl")!);
                foreach (var entry in zip.Entries.Where(e => e.FullName.StartsWith("archive/data/", StringComparison.Ordinal)))
                {
                    storages.Add((entry.Name, ReadRecord(entry)));
                }
            }

            await RunCases("PyTorch data.pkl", CheckpointFormat.PyTorch, new Random(404), random => PickleBytes.Zip(Mutate(pickle, random), [.. storages]));
        }

        private async Task RunCases(string label, CheckpointFormat format, Random random, Func<Random, byte[]> makeCase)
        {
            int loaded = 0, rejected = 0;
            var clock = Stopwatch.StartNew();
            for (int i = 0; i < Cases; i++)
            {
                byte[] mutated = makeCase(random);
                var run = Task.Run(() => HostileFileTests.ReadEverything(mutated, format));
                try
                {
                    await run.WaitAsync(CaseLimit);
                    loaded++;
                }
                catch (TimeoutException)
                {
                    Assert.Fail($"{label} case {i} ran past {CaseLimit.TotalSeconds} s");
                }
                catch (CheckpointFormatException)
                {
                    rejected++;
                }
                catch (Exception error)
                {
                    Assert.Fail($"{label} case {i}: {error.GetType().Name}: {error}");
                }
            }

            output.WriteLine($"{label}: {Cases} cases, {loaded} loaded, {rejected} rejected, {clock.ElapsedMilliseconds} ms");
            Assert.True(rejected > Cases / 10);
        }

        private static byte[] ReadRecord(ZipArchiveEntry entry)
        {
            using var stream = entry.Open();
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            return copy.ToArray();
        }

        private static byte[] Mutate(byte[] original, Random random)
        {
            byte[] bytes = (byte[])original.Clone();
            int mutations = random.Next(1, 4);
            for (int m = 0; m < mutations && bytes.Length > 0; m++)
            {
                int at = random.Next(bytes.Length);
                switch (random.Next(6))
                {
                    case 0:
                        bytes[at] ^= (byte)(1 << random.Next(8));
                        break;
                    case 1:
                        bytes[at] = (byte)random.Next(256);
                        break;
                    case 2:
                        bytes = bytes[..random.Next(bytes.Length)];
                        break;
                    case 3:
                    {
                        var insert = new byte[random.Next(1, 17)];
                        random.NextBytes(insert);
                        bytes = [.. bytes[..at], .. insert, .. bytes[at..]];
                        break;
                    }

                    case 4:
                        bytes = [.. bytes[..at], .. bytes[Math.Min(bytes.Length, at + random.Next(1, 33))..]];
                        break;
                    default:
                    {
                        uint[] interesting = [0, 1, 0x7F, 0xFF, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, (uint)original.Length];
                        uint value = interesting[random.Next(interesting.Length)];
                        for (int b = 0; b < 4 && at + b < bytes.Length; b++)
                        {
                            bytes[at + b] = (byte)(value >> (8 * b));
                        }

                        break;
                    }
                }
            }

            return bytes;
        }
    }
}
