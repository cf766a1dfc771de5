using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// Issue 15, items 11 to 13: what a save leaves behind and what it keeps of the file it replaces. A save must
    /// survive SIGKILL (old file intact, the next save removes the leftover), keep a file's mode and owner,
    /// write through a symbolic link, accept every valid file name, and flush the directory after its rename.
    /// </summary>
    public sealed class FileSystemSaveTests(ITestOutputHelper output)
    {
        [Fact]
        public void Twenty_kills_mid_save_leave_the_target_intact_and_the_next_save_leaves_no_temporary_file()
        {
            using var directory = new TempDirectory();
            string target = directory.File("model.safetensors");
            byte[] old = Checkpoint(seed: 1, megabytes: 32);
            byte[] next = Checkpoint(seed: 2, megabytes: 32);
            File.WriteAllBytes(target, old);
            File.WriteAllBytes(directory.File("next.bin"), next);
            var random = new Random(15);
            int killedWhileWriting = 0, leftovers = 0;

            for (int attempt = 0; attempt < 20; attempt++)
            {
                // Kill once the temporary file holds a random share of the new content (0 to 100 %), so the kills
                // spread over the whole write, and over the flush and rename when the share is near 100 %.
                using var child = ChildProcess.Start("save", [target, directory.File("next.bin")]);
                Assert.Equal("writing", child.StandardOutput.ReadLine());
                long killAt = (long)(random.NextDouble() * next.Length);
                var patience = System.Diagnostics.Stopwatch.StartNew();
                while (!child.HasExited && TemporaryBytes(directory.Path, "model.safetensors") < killAt && patience.Elapsed < TimeSpan.FromSeconds(20))
                {
                    Thread.Sleep(1);
                }

                child.Kill();
                Assert.True(child.WaitForExit(30_000), "the killed child did not exit");
                bool saved = child.StandardOutput.ReadToEnd().Contains("saved");
                killedWhileWriting += saved ? 0 : 1;
                leftovers += Temporaries(directory.Path, "model.safetensors").Count;

                byte[] now = File.ReadAllBytes(target);
                Assert.True(now.SequenceEqual(old) || now.SequenceEqual(next), $"attempt {attempt}: the target is neither the old nor the new file");
                using var reader = NetGen.Checkpoint.Open(target);
                Assert.Equal(2, reader.Entries.Count);
            }

            File.Delete(directory.File("next.bin"));
            NetGen.Checkpoint.Write(target, [new("w", ones(3))]);

            output.WriteLine($"20 kills: {killedWhileWriting} before the save returned, {leftovers} temporary files left by them");
            Assert.True(killedWhileWriting >= 15, $"only {killedWhileWriting} of 20 kills landed before the save returned");
            Assert.True(leftovers >= 10, $"only {leftovers} kills left a temporary file, too few to show that the next save removes them");
            Assert.Equal(["model.safetensors"], Directory.GetFiles(directory.Path).Select(Path.GetFileName));
        }

        [SkippableTheory]
        [UnsupportedOSPlatform("windows")]
        [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite)]
        [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead)]
        [InlineData(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)]
        public void A_save_keeps_the_permission_bits_of_the_file_it_replaces(UnixFileMode mode)
        {
            Skip.If(OperatingSystem.IsWindows(), "Unix permissions");
            using var directory = new TempDirectory();
            string target = directory.File("private.pt");
            File.WriteAllText(target, "old");
            File.SetUnixFileMode(target, mode);
            using var model = new LinearBn();

            model.SaveCheckpoint(target);

            Assert.Equal(mode, File.GetUnixFileMode(target));
            Assert.Equal(7, NetGen.Checkpoint.ReadAll(target).Count);
        }

        [SkippableFact]
        public void A_save_keeps_the_owner_and_group_of_the_file_it_replaces_where_the_process_may_set_them()
        {
            Skip.IfNot(OperatingSystem.IsLinux() && Environment.UserName == "root", "only root may create a file owned by another user");
            using var directory = new TempDirectory();
            string target = directory.File("owned.pt");
            File.WriteAllText(target, "old");
            Assert.True(Chown(target, 65534, 65534));
            using var model = new LinearBn();

            model.SaveCheckpoint(target);

            Assert.True(UnixCalls.TryGetOwner(target, out uint user, out uint group));
            Assert.Equal((65534u, 65534u), (user, group));
        }

        [Fact]
        public void A_save_through_a_chain_of_symbolic_links_replaces_the_file_at_its_end_and_keeps_the_links()
        {
            using var directory = new TempDirectory();
            Directory.CreateDirectory(directory.File("store"));
            string real = directory.File("store/real.pt");
            File.WriteAllText(real, "old");
            File.CreateSymbolicLink(directory.File("store/current.pt"), "real.pt");
            File.CreateSymbolicLink(directory.File("model.pt"), "store/current.pt");
            using var model = new LinearBn();

            model.SaveCheckpoint(directory.File("model.pt"));

            Assert.Equal("store/current.pt", new FileInfo(directory.File("model.pt")).LinkTarget);
            Assert.Equal("real.pt", new FileInfo(directory.File("store/current.pt")).LinkTarget);
            Assert.Null(new FileInfo(real).LinkTarget);
            Assert.Equal(7, NetGen.Checkpoint.ReadAll(real).Count);
            Assert.Equal(["model.pt", "store"], Directory.GetFileSystemEntries(directory.Path).Select(Path.GetFileName).Order());
            Assert.Equal(["current.pt", "real.pt"], Directory.GetFileSystemEntries(directory.File("store")).Select(Path.GetFileName).Order());
        }

        [Fact]
        public void A_save_through_a_dangling_symbolic_link_creates_the_file_it_names()
        {
            using var directory = new TempDirectory();
            File.CreateSymbolicLink(directory.File("model.pt"), "missing.pt");
            using var model = new LinearBn();

            model.SaveCheckpoint(directory.File("model.pt"));

            Assert.Equal("missing.pt", new FileInfo(directory.File("model.pt")).LinkTarget);
            Assert.Equal(7, NetGen.Checkpoint.ReadAll(directory.File("missing.pt")).Count);
        }

        [Fact]
        public void Every_file_name_up_to_255_bytes_saves_whatever_its_length_or_script()
        {
            using var directory = new TempDirectory();
            using var model = new LinearBn();
            var names = Enumerable.Range(218, 255 - 218 + 1).Select(length => new string('n', length - 3) + ".pt").ToList();
            names.Add(string.Concat(Enumerable.Repeat("é", 126)) + ".pt");       // 255 UTF-8 bytes, 2 per letter
            names.Add(string.Concat(Enumerable.Repeat("漢", 84)) + ".pt");       // 255 UTF-8 bytes, 3 per letter

            foreach (string name in names)
            {
                Assert.True(Encoding.UTF8.GetByteCount(name) <= 255);
                model.SaveCheckpoint(directory.File(name));
                model.SaveCheckpoint(directory.File(name));
            }

            Assert.Equal(names.Order(StringComparer.Ordinal), Directory.GetFiles(directory.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        }

        [Fact]
        public void A_save_deletes_the_temporary_files_crashed_saves_of_its_target_left_and_nothing_else()
        {
            using var directory = new TempDirectory();
            string target = directory.File("model.pt");
            string stale = Leave(TemporaryFiles.Create(target, ownerOnly: false));
            string staleOwnerOnly = Leave(TemporaryFiles.Create(target, ownerOnly: true));
            string legacy = directory.File($".model.pt.{Guid.NewGuid():N}.tmp");
            File.WriteAllText(legacy, "left by NetGen 0.1");
            string otherTarget = Leave(TemporaryFiles.Create(directory.File("other.pt"), ownerOnly: false));
            var (liveStream, live) = TemporaryFiles.Create(target, ownerOnly: false);
            string[] lookalikes =
            [
                directory.File(".model.pt.notes.tmp"),
                directory.File(Path.GetFileName(stale)[..^12] + "zzzzzzzz.tmp"),
                directory.File(".model.pt." + new string('a', 32) + ".tmp.bak"),
            ];
            foreach (string lookalike in lookalikes)
            {
                File.WriteAllText(lookalike, "not ours");
            }

            using var model = new LinearBn();
            using (liveStream)
            {
                model.SaveCheckpoint(target);
                Assert.True(File.Exists(live), "the temporary file of a save still running was deleted");
            }

            Assert.False(File.Exists(stale));
            Assert.False(File.Exists(staleOwnerOnly));
            Assert.False(File.Exists(legacy));
            Assert.True(File.Exists(otherTarget));
            Assert.All(lookalikes, path => Assert.True(File.Exists(path), path));
        }

        [SkippableFact]
        public void The_directory_is_flushed_after_the_rename_that_replaces_the_file()
        {
            Skip.IfNot(OperatingSystem.IsLinux() && File.Exists("/usr/bin/strace"), "needs strace to observe system calls");
            using var directory = new TempDirectory();
            string target = directory.File("traced.pt");
            File.WriteAllBytes(directory.File("content.bin"), [1, 2, 3]);
            string log = directory.File("strace.log");

            using (var child = ChildProcess.Start("save", [target, directory.File("content.bin")], "/usr/bin/strace",
                ["-f", "-qq", "-e", "trace=openat,rename,renameat,renameat2,fsync", "-o", log]))
            {
                string childOutput = child.StandardOutput.ReadToEnd();
                Assert.True(child.WaitForExit(60_000));
                Skip.If(child.ExitCode != 0 && child.StandardError.ReadToEnd().Contains("ptrace"), "ptrace is not permitted here");
                Assert.Contains("saved", childOutput);
            }

            var calls = File.ReadAllLines(log);
            int rename = Array.FindLastIndex(calls, line => Regex.IsMatch(line, @"rename\w*\(.*traced\.pt"".*= 0"));
            Assert.True(rename >= 0, "no rename onto the target was traced");
            var open = calls.Skip(rename).Select(line => Regex.Match(line, $@"openat\(AT_FDCWD, ""{Regex.Escape(directory.Path)}"", O_RDONLY\)\s+= (\d+)")).FirstOrDefault(m => m.Success);
            Assert.True(open is not null, "the directory was not opened after the rename");
            Assert.Contains(calls.Skip(rename), line => Regex.IsMatch(line, $@"fsync\({open.Groups[1].Value}\)\s+= 0"));
        }

        // The child renames its temporary file onto the target when it finishes, so a name just listed may be gone: it counts as 0.
        private static long TemporaryBytes(string directory, string target) =>
            Temporaries(directory, target).Select(name => LengthOrZero(Path.Combine(directory, name))).DefaultIfEmpty(0).Max();

        private static long LengthOrZero(string path)
        {
            try
            {
                return new FileInfo(path).Length;
            }
            catch (FileNotFoundException)
            {
                return 0;
            }
        }

        private static List<string> Temporaries(string directory, string target) =>
            Directory.GetFiles(directory).Select(Path.GetFileName).Where(name => TemporaryFiles.IsTemporaryOf(name!, target)).ToList()!;

        private static string Leave((FileStream Stream, string Path) temporary)
        {
            temporary.Stream.Write([1, 2, 3]);
            temporary.Stream.Dispose();
            return temporary.Path;
        }

        /// <summary>A safetensors checkpoint of about <paramref name="megabytes"/> MB: one large and one small tensor.</summary>
        private static byte[] Checkpoint(int seed, int megabytes)
        {
            manual_seed(seed);
            var stream = new MemoryStream();
            NetGen.Checkpoint.Write(stream, [new("big", randn(megabytes << 18)), new("small", randn(3))], CheckpointFormat.Safetensors);
            return stream.ToArray();
        }

        private static bool Chown(string path, uint user, uint group)
        {
            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.ReadWrite);
            return UnixCalls.TryChangeOwner(handle, user, group);
        }
    }
}
