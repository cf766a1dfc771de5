using System;
using System.IO;

namespace NetGen
{
    /// <summary>
    /// Replaces a file all at once: the content goes to a temporary file in the target's directory, is flushed
    /// to disk, and is then renamed over the target, and the directory is flushed so the rename itself is durable.
    /// If writing throws or the process dies, the previous file is untouched; a temporary file left by a process
    /// that died is deleted by the next save of the same target.
    /// <para>
    /// What a save preserves: a symbolic link stays a link (the save replaces the file it points to, following
    /// a chain of links); the replaced file's permission bits, and its owner and group where the process may set
    /// them; a file name of any valid length (the temporary name is bounded, see <see cref="TemporaryFiles"/>).
    /// It does not preserve access control lists, extended attributes, or other hard links to the old file,
    /// which keep the old content.
    /// </para>
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
        public static void Write(string path, Action<Stream> write)
        {
            ArgumentNullException.ThrowIfNull(path);
            ArgumentNullException.ThrowIfNull(write);
            string target = FinalTarget(Path.GetFullPath(path));
            TemporaryFiles.DeleteStale(target);
            var identity = FileIdentity.Of(target);
            var (stream, temporary) = TemporaryFiles.Create(target, ownerOnly: identity is not null);
            try
            {
                using (stream)
                {
                    identity?.ApplyTo(stream.SafeFileHandle, temporary);
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, target, overwrite: true);
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }

            UnixCalls.TrySyncDirectory(Path.GetDirectoryName(target)!);
        }

        /// <summary>The file a save of <paramref name="path"/> must replace: the path itself, or the end of its chain of symbolic links.</summary>
        private static string FinalTarget(string path)
        {
            var file = new FileInfo(path);
            if (file.LinkTarget is null)
            {
                return path;
            }

            var final = file.ResolveLinkTarget(returnFinalTarget: true);
            return final is null ? path : Path.GetFullPath(final.FullName);
        }

        private static void TryDelete(string temporary)
        {
            try
            {
                File.Delete(temporary);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
