using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;

namespace NetGen
{
    /// <summary>
    /// The temporary files an atomic save writes next to its target. A name is
    /// <c>.NAME.HASH.RANDOM.tmp</c>: NAME is the target's file name, cut to at most 200 UTF-8 bytes so the whole
    /// name fits the 255-byte limit of common file systems whatever the target's length; HASH is 16 hex digits
    /// of the SHA-256 of the full target name, so a temporary file is recognised as one of this target's even
    /// when NAME is cut; RANDOM (8 hex digits) keeps concurrent saves apart.
    /// <para>
    /// A save holds an exclusive lock on its temporary file (.NET's <see cref="FileShare.None"/>, an advisory
    /// <c>flock</c> on Unix) until it renames it, and the kernel drops that lock when the process dies. A file of
    /// this target's pattern whose lock can be taken was therefore left by a crashed save, and the next save
    /// deletes it. Files of other targets, other programs, and saves still running are never touched.
    /// </para>
    /// </summary>
    internal static class TemporaryFiles
    {
        private const int MaxVisibleNameBytes = 200;
        private const string Extension = ".tmp";

        /// <summary>Creates a new temporary file for <paramref name="target"/>, locked and owner-only if <paramref name="ownerOnly"/>.</summary>
        public static (FileStream Stream, string Path) Create(string target, bool ownerOnly)
        {
            string prefix = Path.Combine(Path.GetDirectoryName(target)!, Prefix(Path.GetFileName(target)));
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.ReadWrite,
                Share = FileShare.None,
                BufferSize = 1 << 20,
            };
            if (ownerOnly && !OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            for (int attempt = 0; ; attempt++)
            {
                string path = prefix + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)) + Extension;
                try
                {
                    return (new FileStream(path, options), path);
                }
                catch (IOException) when (attempt < 8 && File.Exists(path))
                {
                    // Another save drew the same random part; draw again.
                }
            }
        }

        /// <summary>Deletes the temporary files of <paramref name="target"/> that crashed saves left behind; returns how many.</summary>
        public static int DeleteStale(string target)
        {
            string directory = Path.GetDirectoryName(target)!;
            string name = Path.GetFileName(target);
            var options = new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = true, MatchType = MatchType.Simple };
            int deleted = 0;
            foreach (string candidate in Directory.EnumerateFiles(directory, ".*" + Extension, options))
            {
                if (IsTemporaryOf(Path.GetFileName(candidate), name) && TryDeleteUnlocked(candidate))
                {
                    deleted++;
                }
            }

            return deleted;
        }

        /// <summary>
        /// True for this target's temporary names: the current pattern, and the <c>.NAME.GUID.tmp</c> of NetGen 0.1's
        /// saves (32 hex digits), whose leftovers no save used to remove.
        /// </summary>
        public static bool IsTemporaryOf(string fileName, string targetName)
        {
            string prefix = Prefix(targetName);
            if (fileName.Length == prefix.Length + 8 + Extension.Length && fileName.StartsWith(prefix, StringComparison.Ordinal))
            {
                return IsHex(fileName.AsSpan(prefix.Length, 8)) && fileName.EndsWith(Extension, StringComparison.Ordinal);
            }

            string legacy = "." + targetName + ".";
            return fileName.Length == legacy.Length + 32 + Extension.Length
                && fileName.StartsWith(legacy, StringComparison.Ordinal)
                && IsHex(fileName.AsSpan(legacy.Length, 32))
                && fileName.EndsWith(Extension, StringComparison.Ordinal);
        }

        /// <summary><c>.NAME.HASH.</c> for a target file name.</summary>
        private static string Prefix(string targetName)
        {
            byte[] utf8 = Encoding.UTF8.GetBytes(targetName);
            string hash = Convert.ToHexStringLower(SHA256.HashData(utf8), 0, 8);
            return $".{Visible(targetName, utf8.Length)}.{hash}.";
        }

        /// <summary>The target name, cut at a character boundary to at most <see cref="MaxVisibleNameBytes"/> UTF-8 bytes.</summary>
        private static string Visible(string name, int utf8Length)
        {
            if (utf8Length <= MaxVisibleNameBytes)
            {
                return name;
            }

            int bytes = 0;
            int end = 0;
            foreach (var rune in name.EnumerateRunes())
            {
                if (bytes + rune.Utf8SequenceLength > MaxVisibleNameBytes)
                {
                    break;
                }

                bytes += rune.Utf8SequenceLength;
                end += rune.Utf16SequenceLength;
            }

            return name[..end];
        }

        private static bool TryDeleteUnlocked(string path)
        {
            try
            {
                using var probe = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.None);
                File.Delete(path);
                return true;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A save in progress holds the lock, or the file is not ours to remove.
                return false;
            }
        }

        private static bool IsHex(ReadOnlySpan<char> text)
        {
            foreach (char c in text)
            {
                if (!char.IsAsciiHexDigitLower(c) && !char.IsAsciiDigit(c))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
