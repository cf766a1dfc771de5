using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen.Samples;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// The measuring side of the hostile-file budget (child scenario <c>load-budget FILE...</c>; the test gives each
    /// child one file, so that no file's freed memory can hide the next one's peak). It builds the target, the seed
    /// <c>ResNet34(101)</c> (188 MB of parameters), then loads the file into it with <see cref="LoadOptions.Transfer"/>
    /// (the option that reads the most: every entry whose key and shape match is copied), and prints one line:
    /// <c>name outcome wall-ms cpu-ms peak-bytes allocated-bytes</c>. The process runs with the C allocator's
    /// defaults, as a user's does.
    /// <list type="bullet">
    /// <item>peak: the process's peak resident size during the load (<c>VmHWM</c>, reset through
    /// <c>/proc/self/clear_refs</c> just before) minus its resident size just before, after a full blocking
    /// collection; the target's own tensors are resident by then, so this is the memory above the target's own.</item>
    /// <item>allocated: managed bytes allocated during the load (<c>GC.GetTotalAllocatedBytes(precise: true)</c>),
    /// an upper bound of the managed part of the peak.</item>
    /// <item>cpu: the process's processor time during the load, which other processes on a busy machine do not
    /// inflate; wall: elapsed time.</item>
    /// </list>
    /// </summary>
    internal static class LoadBudget
    {
        public static int Run(string[] arguments)
        {
            using var model = new ResNet34(101);
            foreach (string path in arguments)
            {
                Console.WriteLine(Measure(model, path));
            }

            return 0;
        }

        private static string Measure(ResNet34 model, string path)
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            File.WriteAllText("/proc/self/clear_refs", "5");
            long resident = Status("VmRSS:");
            long allocated = GC.GetTotalAllocatedBytes(precise: true);
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            string outcome;
            try
            {
                model.LoadCheckpoint(path, LoadOptions.Transfer, Format(path));
                outcome = "ok";
            }
            catch (CheckpointFormatException)
            {
                outcome = nameof(CheckpointFormatException);
            }
            catch (Exception e)
            {
                outcome = e.GetType().Name;
            }

            clock.Stop();
            process.Refresh();
            double cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds;
            long peak = Status("VmHWM:") - resident;
            long managed = GC.GetTotalAllocatedBytes(precise: true) - allocated;
            return string.Join(' ', Path.GetFileName(path), outcome,
                clock.Elapsed.TotalMilliseconds.ToString("F0", CultureInfo.InvariantCulture),
                cpuMs.ToString("F0", CultureInfo.InvariantCulture), peak, managed);
        }

        private static CheckpointFormat Format(string path) => Path.GetExtension(path) switch
        {
            ".safetensors" => CheckpointFormat.Safetensors,
            ".dat" => CheckpointFormat.TorchSharp,
            _ => CheckpointFormat.PyTorch,
        };

        private static long Status(string field)
        {
            string line = File.ReadLines("/proc/self/status").First(l => l.StartsWith(field, StringComparison.Ordinal));
            return long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
        }
    }
}
