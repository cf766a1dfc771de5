using System;
using System.Runtime.InteropServices;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace NetGen
{
    /// <summary>
    /// The few POSIX calls an atomic save needs that .NET does not expose: the owner of a file (statx, Linux),
    /// changing the owner of an open file (fchown) and flushing a directory (open + fsync). Each returns false
    /// instead of throwing where the platform or the process's rights do not allow the call.
    /// </summary>
    internal static class UnixCalls
    {
        private const int AtCurrentDirectory = -100;
        private const uint StatxBasicStats = 0x7ff;
        private const int StatxBufferBytes = 256;

        /// <summary>The owner and group of <paramref name="path"/> (symbolic links followed); false where statx is unavailable.</summary>
        public static bool TryGetOwner(string path, out uint user, out uint group)
        {
            user = group = 0;
            if (!OperatingSystem.IsLinux())
            {
                return false;
            }

            var buffer = new byte[StatxBufferBytes];
            try
            {
                if (statx(AtCurrentDirectory, NullTerminated(path), 0, StatxBasicStats, buffer) != 0)
                {
                    return false;
                }
            }
            catch (EntryPointNotFoundException)
            {
                return false;
            }

            // struct statx (native byte order, the same layout on every architecture):
            // stx_mask u32 @0, stx_blksize u32 @4, stx_attributes u64 @8, stx_nlink u32 @16, stx_uid u32 @20, stx_gid u32 @24.
            user = MemoryMarshal.Read<uint>(buffer.AsSpan(20));
            group = MemoryMarshal.Read<uint>(buffer.AsSpan(24));
            return true;
        }

        /// <summary>Sets the owner and group of an open file (<see cref="uint.MaxValue"/> leaves one as it is); false when the process may not.</summary>
        public static bool TryChangeOwner(SafeFileHandle file, uint user, uint group)
        {
            bool added = false;
            try
            {
                file.DangerousAddRef(ref added);
                return fchown((int)file.DangerousGetHandle(), user, group) == 0;
            }
            finally
            {
                if (added)
                {
                    file.DangerousRelease();
                }
            }
        }

        /// <summary>Flushes a directory's entries to disk, so a rename inside it survives a power cut; false where it cannot be opened.</summary>
        public static bool TrySyncDirectory(string directory)
        {
            if (OperatingSystem.IsWindows())
            {
                return false;
            }

            int descriptor = open(NullTerminated(directory), 0);
            if (descriptor < 0)
            {
                return false;
            }

            try
            {
                return fsync(descriptor) == 0;
            }
            finally
            {
                close(descriptor);
            }
        }

        private static byte[] NullTerminated(string path) => Encoding.UTF8.GetBytes(path + "\0");

        [DllImport("libc", SetLastError = true)]
        private static extern int statx(int directory, byte[] path, int flags, uint mask, byte[] buffer);

        [DllImport("libc", SetLastError = true)]
        private static extern int fchown(int descriptor, uint user, uint group);

        [DllImport("libc", SetLastError = true)]
        private static extern int open(byte[] path, int flags);

        [DllImport("libc", SetLastError = true)]
        private static extern int fsync(int descriptor);

        [DllImport("libc", SetLastError = true)]
        private static extern int close(int descriptor);
    }
}
