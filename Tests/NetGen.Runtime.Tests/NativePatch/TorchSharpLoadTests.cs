using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using NetGen.Build;
using TorchSharp;

namespace NetGen.Runtime.Tests.NativePatch
{
    /// <summary>What the build did to this very test run: TorchSharp loads, from the patched output copy.</summary>
    public sealed class TorchSharpLoadTests
    {
        [SkippableFact]
        public void TorchSharp_loads_in_this_process_from_the_output_folder()
        {
            Skip.IfNot(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "Linux only");

            using var ones = torch.ones(2, 3);
            using var sum = ones.sum();
            Assert.Equal(6f, sum.item<float>());

            // The dynamic loader's own record of which file it mapped.
            string[] mapped = File.ReadAllLines("/proc/self/maps")
                .Where(line => line.EndsWith("/libLibTorchSharp.so", StringComparison.Ordinal))
                .Select(line => line.Substring(line.IndexOf('/')))
                .Distinct()
                .ToArray();
            Assert.Equal(Path.GetFullPath(LibTorchSharpFiles.OutputCopy), Assert.Single(mapped));
        }

        [SkippableFact]
        public void The_build_patched_the_output_copy_only_where_needed_and_never_the_NuGet_cache()
        {
            Skip.IfNot(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "Linux only");
            string? libStdCxx = HostLibStdCxx.Find();
            Skip.If(libStdCxx == null, "no libstdc++.so.6 in the standard library folders");
            bool hostNeedsPatch = !HostLibStdCxx.DefinesVersion(libStdCxx!, LibTorchSharpPatcher.MissingVersion);

            byte[] cache = File.ReadAllBytes(LibTorchSharpFiles.CacheOriginal);
            byte[] output = File.ReadAllBytes(LibTorchSharpFiles.OutputCopy);
            VersionNeed cacheEntry = LibTorchSharpFiles.Glibcxx3432EntryOf(cache);
            VersionNeed outputEntry = LibTorchSharpFiles.Glibcxx3432EntryOf(output);

            Assert.Equal(0, cacheEntry.Flags & LibTorchSharpPatcher.VerFlgWeak);
            if (LibTorchSharpFiles.Sha256(cache) != LibTorchSharpFiles.KnownOriginalSha256)
                Assert.Fail("the NuGet cache copy changed, or TorchSharp is no longer 0.107.0: re-check the patch and update KnownOriginalSha256");

            Assert.Equal(hostNeedsPatch, (outputEntry.Flags & LibTorchSharpPatcher.VerFlgWeak) != 0);
            output[outputEntry.FlagsOffset] = cache[outputEntry.FlagsOffset];
            Assert.Equal(cache, output); // nothing else differs
        }
    }
}
