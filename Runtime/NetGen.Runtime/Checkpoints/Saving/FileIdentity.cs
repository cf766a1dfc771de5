using System;
using System.IO;
using Microsoft.Win32.SafeHandles;

namespace NetGen
{
    /// <summary>
    /// What a save keeps of the file it replaces: its permission bits and, where the process may set them, its
    /// owner and group. (A new file is written with the process's defaults instead.) Access control lists and
    /// extended attributes are not carried over, and other hard links to the old file keep the old content: a
    /// file replaced by a rename is a new file.
    /// </summary>
    internal sealed record FileIdentity(UnixFileMode Mode, uint? User, uint? Group)
    {
        /// <summary>The identity of an existing file; null when there is none to keep (no file, or Windows).</summary>
        public static FileIdentity? Of(string path)
        {
            if (OperatingSystem.IsWindows() || !File.Exists(path))
            {
                return null;
            }

            var mode = File.GetUnixFileMode(path);
            return UnixCalls.TryGetOwner(path, out uint user, out uint group)
                ? new FileIdentity(mode, user, group)
                : new FileIdentity(mode, null, null);
        }

        /// <summary>
        /// Gives the open temporary file this identity: the owner first (changing the owner clears set-id bits),
        /// then the mode. If the process may not set the owner, it keeps the group where it can, then neither.
        /// </summary>
        public void ApplyTo(SafeFileHandle file, string path)
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            if (User is uint user && Group is uint group
                && (!UnixCalls.TryGetOwner(path, out uint currentUser, out uint currentGroup) || currentUser != user || currentGroup != group))
            {
                _ = UnixCalls.TryChangeOwner(file, user, group) || UnixCalls.TryChangeOwner(file, uint.MaxValue, group);
            }

            File.SetUnixFileMode(file, Mode);
        }
    }
}
