using System;
using System.IO;
using System.Linq;
using System.Text;
using NetGen.Build;

namespace NetGen.Runtime.Tests.NativePatch
{
    /// <summary>The patch itself, on scratch copies of the real library, without MSBuild.</summary>
    public sealed class ElfPatchTests : IDisposable
    {
        private readonly ScratchFolder scratch = new();
        private readonly LibTorchSharpPatcher patcherForOldHost = new(hostProvidesVersion: false);

        public void Dispose() => scratch.Dispose();

        [Fact]
        public void Patching_a_real_copy_changes_only_the_weak_bit_of_that_one_vna_flags()
        {
            byte[] original = File.ReadAllBytes(LibTorchSharpFiles.CacheOriginal);
            string copy = scratch.CopyIn(LibTorchSharpFiles.CacheOriginal, "libLibTorchSharp.so");
            VersionNeed before = LibTorchSharpFiles.Glibcxx3432EntryOf(original);

            Assert.Equal(PatchResult.Patched, patcherForOldHost.Patch(copy));

            byte[] patched = File.ReadAllBytes(copy);
            Assert.Equal(original.Length, patched.Length);
            int[] changed = Enumerable.Range(0, original.Length).Where(i => original[i] != patched[i]).ToArray();
            Assert.NotEmpty(changed);
            Assert.All(changed, i => Assert.InRange(i, before.FlagsOffset, before.FlagsOffset + 1));
            int flagsBefore = original[before.FlagsOffset] | original[before.FlagsOffset + 1] << 8;
            int flagsAfter = patched[before.FlagsOffset] | patched[before.FlagsOffset + 1] << 8;
            Assert.Equal(LibTorchSharpPatcher.VerFlgWeak, flagsBefore ^ flagsAfter);

            VersionNeed after = LibTorchSharpFiles.Glibcxx3432EntryOf(patched);
            Assert.Equal("libstdc++.so.6", after.File);
            Assert.Equal(before.FlagsOffset, after.FlagsOffset);
            Assert.Equal(LibTorchSharpPatcher.VerFlgWeak, after.Flags & LibTorchSharpPatcher.VerFlgWeak);

            // On the known TorchSharp 0.107.0 file the parser must land where readelf says the entry is.
            if (LibTorchSharpFiles.Sha256(original) == LibTorchSharpFiles.KnownOriginalSha256)
                Assert.Equal(LibTorchSharpFiles.KnownFlagsOffset, before.FlagsOffset);
        }

        [Fact]
        public void Patching_twice_changes_nothing_the_second_time()
        {
            string copy = scratch.CopyIn(LibTorchSharpFiles.CacheOriginal, "libLibTorchSharp.so");
            Assert.Equal(PatchResult.Patched, patcherForOldHost.Patch(copy));
            byte[] once = File.ReadAllBytes(copy);
            DateTime onceWritten = File.GetLastWriteTimeUtc(copy);

            Assert.Equal(PatchResult.AlreadyWeak, patcherForOldHost.Patch(copy));

            Assert.Equal(once, File.ReadAllBytes(copy));
            Assert.Equal(onceWritten, File.GetLastWriteTimeUtc(copy));
        }

        [Fact]
        public void A_host_whose_libstdcxx_has_the_version_gets_no_patch()
        {
            string copy = scratch.CopyIn(LibTorchSharpFiles.CacheOriginal, "libLibTorchSharp.so");

            PatchResult result = new LibTorchSharpPatcher(hostProvidesVersion: true).Patch(copy);

            Assert.Equal(PatchResult.HostProvidesVersion, result);
            Assert.Equal(File.ReadAllBytes(LibTorchSharpFiles.CacheOriginal), File.ReadAllBytes(copy));
        }

        [Fact]
        public void Patching_keeps_the_original_time_stamp_so_incremental_copies_skip_the_file()
        {
            string copy = scratch.CopyIn(LibTorchSharpFiles.CacheOriginal, "libLibTorchSharp.so");
            var stamp = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc);
            File.SetLastWriteTimeUtc(copy, stamp);

            patcherForOldHost.Patch(copy);

            Assert.Equal(stamp, File.GetLastWriteTimeUtc(copy));
            Assert.Equal(new[] { "libLibTorchSharp.so" }, Directory.GetFiles(scratch.Path).Select(Path.GetFileName));
        }

        public static TheoryData<string> NotElf => new() { "text", "elf32", "truncated", "big-endian" };

        [Theory]
        [MemberData(nameof(NotElf))]
        public void A_file_that_is_not_a_valid_ELF64_is_rejected_and_left_untouched(string kind)
        {
            byte[] real = File.ReadAllBytes(LibTorchSharpFiles.CacheOriginal);
            byte[] content = kind switch
            {
                "text" => Encoding.ASCII.GetBytes("#!/bin/sh\necho this is not a shared library\n"),
                "elf32" => WithByte(real, 4, 1),       // EI_CLASS = ELFCLASS32
                "big-endian" => WithByte(real, 5, 2),  // EI_DATA = ELFDATA2MSB
                _ => real.AsSpan(0, 64 * 1024).ToArray(), // header intact, section headers cut off
            };
            string path = scratch.Write("libLibTorchSharp.so", content);

            var error = Assert.Throws<InvalidDataException>(() => patcherForOldHost.Patch(path));

            Assert.StartsWith("it is not a valid ELF64 little-endian file: ", error.Message);
            Assert.Equal(content, File.ReadAllBytes(path));
            Assert.Single(Directory.GetFiles(scratch.Path));
        }

        [SkippableFact]
        public void A_library_that_does_not_ask_for_the_version_is_left_alone()
        {
            string? libStdCxx = HostLibStdCxx.Find();
            Skip.If(libStdCxx == null, "no libstdc++.so.6 on this host");
            // libstdc++ itself needs versions of libc and libgcc, never a GLIBCXX one.
            string copy = scratch.CopyIn(libStdCxx!, "libstdc++.so.6");

            Assert.Equal(PatchResult.NotRequired, patcherForOldHost.Patch(copy));
            Assert.Equal(File.ReadAllBytes(libStdCxx!), File.ReadAllBytes(copy));
        }

        private static byte[] WithByte(byte[] bytes, int index, byte value)
        {
            byte[] copy = (byte[])bytes.Clone();
            copy[index] = value;
            return copy;
        }
    }
}
