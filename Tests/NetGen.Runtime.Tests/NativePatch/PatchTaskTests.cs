using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;
using NetGen.Build;

namespace NetGen.Runtime.Tests.NativePatch
{
    /// <summary>The MSBuild task as the targets call it, with the host fact injected.</summary>
    public sealed class PatchTaskTests : IDisposable
    {
        private readonly ScratchFolder scratch = new();
        private readonly RecordingBuildEngine engine = new();

        public void Dispose() => scratch.Dispose();

        [SkippableFact]
        public void Patches_and_says_so_when_told_the_host_lacks_the_version()
        {
            Skip.IfNot(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "the task acts on Linux only");
            string copy = scratch.CopyIn(LibTorchSharpFiles.CacheOriginal, "libLibTorchSharp.so");

            var task = NewTask(copy, hostHasVersion: "false");

            Assert.True(task.Execute());
            Assert.Equal(copy, Assert.Single(task.PatchedFiles).ItemSpec);
            Assert.NotEqual(File.ReadAllBytes(LibTorchSharpFiles.CacheOriginal), File.ReadAllBytes(copy));
            Assert.Contains(engine.Messages, m => m.Importance == MessageImportance.High
                && m.Message!.Contains("patched " + copy) && m.Message.Contains("GLIBCXX_3.4.32"));
            Assert.Empty(engine.Errors);
        }

        [SkippableFact]
        public void Does_nothing_when_told_the_host_has_the_version()
        {
            Skip.IfNot(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "the task acts on Linux only");
            string copy = scratch.CopyIn(LibTorchSharpFiles.CacheOriginal, "libLibTorchSharp.so");

            var task = NewTask(copy, hostHasVersion: "true");

            Assert.True(task.Execute());
            Assert.Empty(task.PatchedFiles);
            Assert.Equal(File.ReadAllBytes(LibTorchSharpFiles.CacheOriginal), File.ReadAllBytes(copy));
            Assert.DoesNotContain(engine.Messages, m => m.Importance == MessageImportance.High);
        }

        [SkippableFact]
        public void Fails_the_build_with_a_clear_error_on_a_file_that_is_not_ELF()
        {
            Skip.IfNot(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "the task acts on Linux only");
            byte[] junk = new byte[4096];
            new Random(7).NextBytes(junk);
            string path = scratch.Write("libLibTorchSharp.so", junk);

            var task = NewTask(path, hostHasVersion: "false");

            Assert.False(task.Execute());
            string error = Assert.Single(engine.Errors).Message!;
            Assert.Contains(path, error);
            Assert.Contains("not a valid ELF64", error);
            Assert.Contains("left untouched", error);
            Assert.Equal(junk, File.ReadAllBytes(path));
        }

        [SkippableFact]
        public void Rejects_a_host_fact_that_is_not_true_or_false()
        {
            Skip.IfNot(RuntimeInformation.IsOSPlatform(OSPlatform.Linux), "the task acts on Linux only");
            string copy = scratch.CopyIn(LibTorchSharpFiles.CacheOriginal, "libLibTorchSharp.so");

            Assert.False(NewTask(copy, hostHasVersion: "maybe").Execute());
            Assert.Contains("NetGenHostHasGlibcxx3432", Assert.Single(engine.Errors).Message);
        }

        private NetGenPatchLibTorchSharp NewTask(string file, string hostHasVersion) => new()
        {
            BuildEngine = engine,
            Files = new ITaskItem[] { new TaskItem(file) },
            HostHasGlibcxx3432 = hostHasVersion,
        };

        private sealed class RecordingBuildEngine : IBuildEngine
        {
            public List<BuildMessageEventArgs> Messages { get; } = new();
            public List<BuildErrorEventArgs> Errors { get; } = new();

            public void LogMessageEvent(BuildMessageEventArgs e) => Messages.Add(e);
            public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
            public void LogWarningEvent(BuildWarningEventArgs e) => throw new InvalidOperationException(e.Message);
            public void LogCustomEvent(CustomBuildEventArgs e) { }
            public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
            public bool ContinueOnError => false;
            public int LineNumberOfTaskNode => 0;
            public int ColumnNumberOfTaskNode => 0;
            public string ProjectFileOfTaskNode => "test.proj";
        }
    }
}
