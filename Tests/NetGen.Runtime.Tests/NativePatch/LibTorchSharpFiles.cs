using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using NetGen.Build;

namespace NetGen.Runtime.Tests.NativePatch
{
    /// <summary>Where the tests find libLibTorchSharp.so.</summary>
    internal static class LibTorchSharpFiles
    {
        /// <summary>SHA-256 of TorchSharp 0.107.0's runtimes/linux-x64/native/libLibTorchSharp.so, as
        /// published (sha256sum of the NuGet cache file before any build ran).</summary>
        public const string KnownOriginalSha256 = "cf33b1b0bb6bbb9754a768fb5c5d04d9f498603be50e73f55621a0b40ee608b8";

        /// <summary>In that file, `readelf -V` shows .gnu.version_r at offset 0x3f8f0 and the
        /// GLIBCXX_3.4.32 Vernaux entry at 0x140 inside it; vna_flags is 4 bytes into the entry.</summary>
        public const int KnownFlagsOffset = 0x3f8f0 + 0x140 + 4;

        /// <summary>The NuGet cache file that the build copied into the output folder (recorded by the
        /// test project at build time).</summary>
        public static string CacheOriginal { get; } =
            typeof(LibTorchSharpFiles).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "LibTorchSharpSource").Value
            ?? throw new InvalidOperationException("The test project did not record libLibTorchSharp.so's source.");

        /// <summary>The output folder's copy, which TorchSharp loads in this process.</summary>
        public static string OutputCopy { get; } =
            Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native", "libLibTorchSharp.so");

        public static VersionNeed Glibcxx3432EntryOf(byte[] image) =>
            ElfImage.Parse(image).FindVersionNeed(LibTorchSharpPatcher.MissingVersion)
            ?? throw new InvalidOperationException("libLibTorchSharp.so does not ask for GLIBCXX_3.4.32.");

        public static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
    }

    /// <summary>A private folder under the temp directory, deleted afterwards.</summary>
    internal sealed class ScratchFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("netgen-nativepatch-").FullName;

        public string CopyIn(string source, string name)
        {
            string target = System.IO.Path.Combine(Path, name);
            File.Copy(source, target);
            return target;
        }

        public string Write(string name, byte[] content)
        {
            string target = System.IO.Path.Combine(Path, name);
            File.WriteAllBytes(target, content);
            return target;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
