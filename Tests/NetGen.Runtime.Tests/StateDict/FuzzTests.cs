using System;
using System.Diagnostics;
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
            var random = new Random(seed);
            int loaded = 0, rejected = 0;
            var clock = Stopwatch.StartNew();

            for (int i = 0; i < Cases; i++)
            {
                byte[] mutated = Mutate(original, random);
                var run = Task.Run(() => HostileFileTests.ReadEverything(mutated, format));
                try
                {
                    await run.WaitAsync(CaseLimit);
                    loaded++;
                }
                catch (TimeoutException)
                {
                    Assert.Fail($"case {i} ran past {CaseLimit.TotalSeconds} s");
                }
                catch (CheckpointFormatException)
                {
                    rejected++;
                }
                catch (Exception error)
                {
                    Assert.Fail($"case {i}: {error.GetType().Name}: {error}");
                }
            }

            output.WriteLine($"{format}: {Cases} cases, {loaded} loaded, {rejected} rejected, {clock.ElapsedMilliseconds} ms");
            Assert.True(rejected > Cases / 10);
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
