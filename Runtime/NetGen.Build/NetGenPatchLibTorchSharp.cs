// Compiled three ways: into NetGen.Build.dll, the task assembly the NuGet package ships; by MSBuild's
// RoslynCodeTaskFactory inside this repository, whose projects cannot use an assembly before they have
// built it (against netstandard 2.0 and MSBuild's own assemblies in both cases, so nothing newer is used
// here); and into NetGen.Runtime.Tests, which tests the ELF logic directly. The factory reads a single
// source file, which is why the task and the ELF logic share this file.
//
// Why it exists: TorchSharp-cpu 0.107.0's libLibTorchSharp.so asks libstdc++ for GLIBCXX_3.4.32, which
// Debian 12 and Ubuntu 22.04 lack (they stop at 3.4.30), so dlopen fails. The only symbol bound to
// that version is std::ios_base_library_init(), which has no relocation and is never called. Marking
// that one Vernaux entry VER_FLG_WEAK tells the dynamic loader a missing version is not fatal.
#nullable enable
using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Build.Framework;

namespace NetGen.Build
{
    /// <summary>Marks libLibTorchSharp.so's GLIBCXX_3.4.32 requirement weak in the given output copies.</summary>
    public sealed class NetGenPatchLibTorchSharp : Microsoft.Build.Utilities.Task
    {
        /// <summary>Copies of libLibTorchSharp.so in an output or publish folder; never the NuGet cache.</summary>
        [Required]
        public ITaskItem[] Files { get; set; } = Array.Empty<ITaskItem>();

        /// <summary>"true" or "false" states whether the host's libstdc++ defines GLIBCXX_3.4.32;
        /// empty means read the host's libstdc++.so.6 to find out.</summary>
        public string HostHasGlibcxx3432 { get; set; } = "";

        [Output]
        public ITaskItem[] PatchedFiles { get; private set; } = Array.Empty<ITaskItem>();

        public override bool Execute()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux))
            {
                Log.LogMessage(MessageImportance.Low, "NetGen: not on Linux, so libLibTorchSharp.so is left as it is.");
                return true;
            }
            if (Files.Length == 0)
                return true;

            bool? hostHasVersion = ResolveHostFact();
            if (hostHasVersion == null)
                return !Log.HasLoggedErrors;

            var patcher = new LibTorchSharpPatcher(hostHasVersion.Value);
            var patched = new List<ITaskItem>();
            foreach (ITaskItem file in Files)
            {
                string path = file.GetMetadata("FullPath");
                try
                {
                    PatchResult result = patcher.Patch(path);
                    if (result == PatchResult.Patched)
                    {
                        patched.Add(file);
                        Log.LogMessage(MessageImportance.High,
                            "NetGen: patched {0}: its {1} requirement is now weak, because this host's libstdc++ lacks that version " +
                            "(only std::ios_base_library_init() is bound to it, and it is never called).",
                            path, LibTorchSharpPatcher.MissingVersion);
                    }
                    else
                    {
                        Log.LogMessage(MessageImportance.Low, "NetGen: {0} left as it is ({1}).", path, result);
                    }
                }
                catch (InvalidDataException e)
                {
                    Log.LogError("NetGen: cannot patch {0}: {1} The file was left untouched.", path, e.Message);
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    Log.LogError("NetGen: cannot patch {0}: {1}", path, e.Message);
                }
            }
            PatchedFiles = patched.ToArray();
            return !Log.HasLoggedErrors;
        }

        private bool? ResolveHostFact()
        {
            string stated = HostHasGlibcxx3432.Trim();
            if (stated.Length > 0)
            {
                if (bool.TryParse(stated, out bool value))
                    return value;
                Log.LogError("NetGen: NetGenHostHasGlibcxx3432 must be true, false or empty, not '{0}'.", stated);
                return null;
            }

            string? libStdCxx = HostLibStdCxx.Find();
            if (libStdCxx == null)
            {
                Log.LogMessage(MessageImportance.High,
                    "NetGen: no libstdc++.so.6 found in the standard library folders, so libLibTorchSharp.so is left as it is. " +
                    "Set NetGenHostHasGlibcxx3432 to true or false to decide.");
                return null;
            }
            try
            {
                return HostLibStdCxx.DefinesVersion(libStdCxx, LibTorchSharpPatcher.MissingVersion);
            }
            catch (Exception e) when (e is InvalidDataException || e is IOException || e is UnauthorizedAccessException)
            {
                Log.LogMessage(MessageImportance.High,
                    "NetGen: cannot read {0} ({1}), so libLibTorchSharp.so is left as it is. " +
                    "Set NetGenHostHasGlibcxx3432 to true or false to decide.", libStdCxx, e.Message);
                return null;
            }
        }
    }

    internal enum PatchResult
    {
        Patched,
        AlreadyWeak,
        /// <summary>The library does not ask for the version at all (e.g. a TorchSharp built with an older toolchain).</summary>
        NotRequired,
        HostProvidesVersion,
    }

    /// <summary>The patch itself, free of MSBuild so that tests can drive it.</summary>
    internal sealed class LibTorchSharpPatcher
    {
        public const string MissingVersion = "GLIBCXX_3.4.32";
        public const ushort VerFlgWeak = 0x2;

        private readonly bool hostProvidesVersion;

        public LibTorchSharpPatcher(bool hostProvidesVersion)
        {
            this.hostProvidesVersion = hostProvidesVersion;
        }

        /// <exception cref="InvalidDataException">The file is not an ELF64 little-endian file whose
        /// version sections can be read; it is left untouched.</exception>
        public PatchResult Patch(string path)
        {
            if (hostProvidesVersion)
                return PatchResult.HostProvidesVersion;

            byte[] image = File.ReadAllBytes(path);
            VersionNeed? need = ElfImage.Parse(image).FindVersionNeed(MissingVersion);
            if (need == null)
                return PatchResult.NotRequired;
            if ((need.Flags & VerFlgWeak) != 0)
                return PatchResult.AlreadyWeak;

            ElfImage.WriteU16(image, need.FlagsOffset, (ushort)(need.Flags | VerFlgWeak));
            ReplaceAtomically(path, image);
            return PatchResult.Patched;
        }

        // A temp file renamed over the original, never an in-place write: the output copy may be a hard
        // link into the NuGet cache (hard-linking copy options), and a running test host may have it
        // mapped. A rename gives the output path a new inode and leaves both of those alone, and a
        // failure at any point leaves either the old file or the new one, never half of each.
        private static void ReplaceAtomically(string path, byte[] image)
        {
            string temp = path + ".netgen-" + Guid.NewGuid().ToString("N") + ".tmp";
            DateTime lastWrite = File.GetLastWriteTimeUtc(path);
            try
            {
                File.Copy(path, temp);         // takes over the file mode, which netstandard 2.0 cannot set
                File.WriteAllBytes(temp, image); // truncates and rewrites, keeping that mode
                // The original's time stamp, so MSBuild's SkipUnchangedFiles copy sees the output as up
                // to date and does not put the unpatched file back on every build.
                File.SetLastWriteTimeUtc(temp, lastWrite);
                File.Replace(temp, path, null);
            }
            finally
            {
                if (File.Exists(temp))
                    File.Delete(temp);
            }
        }
    }

    /// <summary>Finds the libstdc++ the dynamic loader would use and reads its version definitions.</summary>
    internal static class HostLibStdCxx
    {
        public static string? Find()
        {
            string multiarch = RuntimeInformation.ProcessArchitecture == Architecture.Arm64 ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
            string[] folders = { "/lib/" + multiarch, "/usr/lib/" + multiarch, "/lib64", "/usr/lib64", "/lib", "/usr/lib", "/usr/local/lib" };
            foreach (string folder in folders)
            {
                string candidate = Path.Combine(folder, "libstdc++.so.6");
                if (File.Exists(candidate))
                    return candidate;
            }
            return null;
        }

        public static bool DefinesVersion(string libraryPath, string version) =>
            ElfImage.Parse(File.ReadAllBytes(libraryPath)).DefinesVersion(version);
    }

    /// <summary>One Vernaux entry: a version the library needs from another library.</summary>
    internal sealed class VersionNeed
    {
        public VersionNeed(string file, string name, int flagsOffset, ushort flags)
        {
            File = file;
            Name = name;
            FlagsOffset = flagsOffset;
            Flags = flags;
        }

        public string File { get; }
        public string Name { get; }
        /// <summary>File offset of vna_flags (2 bytes, little-endian).</summary>
        public int FlagsOffset { get; }
        public ushort Flags { get; }
    }

    /// <summary>Just enough of an ELF64 little-endian image to read its symbol-version sections.
    /// Every offset read from the file is bounds-checked, so a damaged file gives an
    /// InvalidDataException rather than a wrong answer.</summary>
    internal sealed class ElfImage
    {
        private const uint ShtStrtab = 3;
        private const uint ShtGnuVerdef = 0x6ffffffd;
        private const uint ShtGnuVerneed = 0x6ffffffe;
        private const int SectionHeaderSize = 64;
        private const int VerneedSize = 16, VernauxSize = 16, VerdefSize = 20, VerdauxSize = 8;

        private readonly byte[] image;
        private readonly Section[] sections;

        private ElfImage(byte[] image, Section[] sections)
        {
            this.image = image;
            this.sections = sections;
        }

        private sealed class Section
        {
            public uint Type;
            public int Offset;
            public int Size;
            public uint Link;
            public uint Info;
        }

        public static ElfImage Parse(byte[] image)
        {
            if (image.Length < 64 || image[0] != 0x7f || image[1] != (byte)'E' || image[2] != (byte)'L' || image[3] != (byte)'F')
                throw Invalid("it does not start with the ELF magic bytes.");
            if (image[4] != 2)
                throw Invalid("it is not a 64-bit ELF file.");
            if (image[5] != 1)
                throw Invalid("it is not a little-endian ELF file.");

            ulong tableOffset = ReadU64(image, 0x28);
            int entrySize = ReadU16(image, 0x3A);
            ulong count = ReadU16(image, 0x3C);
            if (tableOffset == 0)
                throw Invalid("it has no section header table.");
            if (entrySize < SectionHeaderSize)
                throw Invalid("its section headers are " + entrySize + " bytes, fewer than ELF64's 64.");
            if (count == 0) // more than 0xff00 sections: the real count is in section 0's sh_size
                count = ReadU64(image, CheckedRange(image, tableOffset, SectionHeaderSize) + 32);
            if (count > (ulong)image.Length / (ulong)entrySize)
                throw Invalid("its section header table lies outside the file (the file may be truncated).");
            int table = CheckedRange(image, tableOffset, count * (ulong)entrySize);

            var sections = new Section[count];
            for (int i = 0; i < sections.Length; i++)
            {
                int header = table + i * entrySize;
                var section = new Section
                {
                    Type = ReadU32(image, header + 4),
                    Link = ReadU32(image, header + 40),
                    Info = ReadU32(image, header + 44),
                };
                bool occupiesFile = section.Type != 8; // SHT_NOBITS (.bss) has a size but no bytes
                ulong offset = ReadU64(image, header + 24), size = ReadU64(image, header + 32);
                if (occupiesFile)
                {
                    section.Offset = CheckedRange(image, offset, size);
                    section.Size = (int)size;
                }
                sections[i] = section;
            }
            return new ElfImage(image, sections);
        }

        /// <summary>The first Vernaux entry named <paramref name="version"/>, or null if none.</summary>
        public VersionNeed? FindVersionNeed(string version)
        {
            foreach (Section section in sections)
            {
                if (section.Type != ShtGnuVerneed)
                    continue;
                Section strings = StringTableOf(section);
                int end = section.Offset + section.Size;
                int entry = section.Offset;
                for (uint i = 0; i < section.Info; i++) // sh_info holds the number of Verneed entries
                {
                    RequireInside(entry, VerneedSize, end, "a Verneed entry");
                    if (ReadU16(image, entry) != 1)
                        throw Invalid("a Verneed entry has unknown version " + ReadU16(image, entry) + ".");
                    int auxCount = ReadU16(image, entry + 2);
                    string file = ReadString(strings, ReadU32(image, entry + 4));
                    int aux = entry;
                    uint step = ReadU32(image, entry + 8); // vn_aux
                    for (int j = 0; j < auxCount; j++)
                    {
                        aux = Advance(aux, step, end, VernauxSize, "a Vernaux entry");
                        if (ReadString(strings, ReadU32(image, aux + 8)) == version)
                            return new VersionNeed(file, version, aux + 4, ReadU16(image, aux + 4));
                        step = ReadU32(image, aux + 12); // vna_next
                        if (step == 0)
                            break;
                    }
                    uint next = ReadU32(image, entry + 12); // vn_next
                    if (next == 0)
                        break;
                    entry = Advance(entry, next, end, VerneedSize, "a Verneed entry");
                }
            }
            return null;
        }

        /// <summary>Whether a Verdef entry (a version this library provides) is named <paramref name="version"/>.</summary>
        public bool DefinesVersion(string version)
        {
            foreach (Section section in sections)
            {
                if (section.Type != ShtGnuVerdef)
                    continue;
                Section strings = StringTableOf(section);
                int end = section.Offset + section.Size;
                int entry = section.Offset;
                for (uint i = 0; i < section.Info; i++) // sh_info holds the number of Verdef entries
                {
                    RequireInside(entry, VerdefSize, end, "a Verdef entry");
                    if (ReadU16(image, entry) != 1)
                        throw Invalid("a Verdef entry has unknown version " + ReadU16(image, entry) + ".");
                    // The first Verdaux names the version itself; any later ones name its parents.
                    if (ReadU16(image, entry + 6) > 0)
                    {
                        int aux = Advance(entry, ReadU32(image, entry + 12), end, VerdauxSize, "a Verdaux entry");
                        if (ReadString(strings, ReadU32(image, aux)) == version)
                            return true;
                    }
                    uint next = ReadU32(image, entry + 16);
                    if (next == 0)
                        break;
                    entry = Advance(entry, next, end, VerdefSize, "a Verdef entry");
                }
            }
            return false;
        }

        public static void WriteU16(byte[] image, int offset, ushort value)
        {
            image[offset] = (byte)value;
            image[offset + 1] = (byte)(value >> 8);
        }

        private Section StringTableOf(Section section)
        {
            if (section.Link >= sections.Length || sections[section.Link].Type != ShtStrtab)
                throw Invalid("a version section does not link to a string table.");
            return sections[section.Link];
        }

        private string ReadString(Section strings, uint index)
        {
            if (index >= strings.Size)
                throw Invalid("a version name lies outside its string table.");
            int start = strings.Offset + (int)index;
            int end = Array.IndexOf(image, (byte)0, start, strings.Offset + strings.Size - start);
            if (end < 0)
                throw Invalid("a version name in the string table is not terminated.");
            return Encoding.ASCII.GetString(image, start, end - start);
        }

        // Steps only forward by a nonzero amount inside the section, so a damaged chain cannot loop.
        private static int Advance(int from, uint step, int end, int entrySize, string what)
        {
            if (step == 0 || step > (uint)(end - from))
                throw Invalid(what + " lies outside its section.");
            int at = from + (int)step;
            RequireInside(at, entrySize, end, what);
            return at;
        }

        private static void RequireInside(int at, int size, int end, string what)
        {
            if (at < 0 || size > end - at)
                throw Invalid(what + " lies outside its section.");
        }

        private static int CheckedRange(byte[] image, ulong offset, ulong size)
        {
            if (offset > (ulong)image.Length || size > (ulong)image.Length - offset)
                throw Invalid("a section or header lies outside the file (the file may be truncated).");
            return (int)offset;
        }

        private static ushort ReadU16(byte[] b, int at)
        {
            CheckedRange(b, (ulong)at, 2);
            return (ushort)(b[at] | b[at + 1] << 8);
        }

        private static uint ReadU32(byte[] b, int at)
        {
            CheckedRange(b, (ulong)at, 4);
            return (uint)(b[at] | b[at + 1] << 8 | b[at + 2] << 16 | b[at + 3] << 24);
        }

        private static ulong ReadU64(byte[] b, int at) => ReadU32(b, at) | (ulong)ReadU32(b, at + 4) << 32;

        private static InvalidDataException Invalid(string reason) =>
            new InvalidDataException("it is not a valid ELF64 little-endian file: " + reason);
    }
}
