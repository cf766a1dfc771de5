using System;
using System.IO;

namespace NetGen
{
    /// <summary>
    /// Replaces a file all at once: the content goes to a temporary file in the same directory, is flushed to
    /// disk, and is then renamed over the target. If writing throws, the previous file is untouched and the
    /// temporary file is deleted.
    /// </summary>
    public static class AtomicFile
    {
        /// <summary>Writes <paramref name="path"/> through <paramref name="write"/>, atomically.</summary>
        public static void Write(string path, Action<Stream> write)
        {
            ArgumentNullException.ThrowIfNull(path);
            ArgumentNullException.ThrowIfNull(write);
            string fullPath = Path.GetFullPath(path);
            string directory = Path.GetDirectoryName(fullPath) ?? ".";
            string temporary = Path.Combine(directory, $".{Path.GetFileName(fullPath)}.{Guid.NewGuid():N}.tmp");
            try
            {
                using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 20))
                {
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }

                File.Move(temporary, fullPath, overwrite: true);
            }
            catch
            {
                TryDelete(temporary);
                throw;
            }
        }

        /// <summary>The name pattern of the temporary files <see cref="Write"/> creates next to <paramref name="path"/>.</summary>
        public static string TemporaryFilePattern(string path) => $".{Path.GetFileName(path)}.*.tmp";

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
