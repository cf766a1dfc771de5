using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using NetGen.Build;

namespace NetGen.Runtime.Tests.NativePatch
{
    /// <summary>How the build decides whether this host needs the patch.</summary>
    public sealed class HostLibStdCxxTests
    {
        [SkippableFact]
        public void Reads_the_version_definitions_of_the_host_libstdcxx()
        {
            Skip.IfNot(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "Linux only");
            string? path = HostLibStdCxx.Find();
            Skip.If(path == null, "no libstdc++.so.6 in the standard library folders");

            Assert.True(HostLibStdCxx.DefinesVersion(path!, "GLIBCXX_3.4")); // the base version of every libstdc++
            Assert.False(HostLibStdCxx.DefinesVersion(path!, "GLIBCXX_99.0"));

            // Cross-check against a plain search of the file for the version string.
            byte[] image = File.ReadAllBytes(path!);
            bool nameInFile = image.AsSpan().IndexOf(Encoding.ASCII.GetBytes(LibTorchSharpPatcher.MissingVersion + "\0")) >= 0;
            Assert.Equal(nameInFile, HostLibStdCxx.DefinesVersion(path!, LibTorchSharpPatcher.MissingVersion));
        }

        [Fact]
        public void A_version_a_library_needs_is_not_one_it_defines()
        {
            // libLibTorchSharp.so names GLIBCXX_3.4.32 in .gnu.version_r (needed), not .gnu.version_d.
            var image = ElfImage.Parse(File.ReadAllBytes(LibTorchSharpFiles.CacheOriginal));

            Assert.NotNull(image.FindVersionNeed(LibTorchSharpPatcher.MissingVersion));
            Assert.False(image.DefinesVersion(LibTorchSharpPatcher.MissingVersion));
        }
    }
}
