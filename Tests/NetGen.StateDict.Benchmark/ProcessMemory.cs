using System;
using System.IO;

namespace NetGen.StateDict.Benchmark
{
    /// <summary>Resident and peak resident memory of this process, from /proc/self/status (Linux).</summary>
    internal static class ProcessMemory
    {
        public static long ResidentBytes => Read("VmRSS:");

        public static long PeakResidentBytes => Read("VmHWM:");

        /// <summary>Resets the peak (VmHWM) to the current resident size: writes 5 to /proc/self/clear_refs.</summary>
        public static void ResetPeak()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            File.WriteAllText("/proc/self/clear_refs", "5");
        }

        private static long Read(string field)
        {
            foreach (string line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith(field, StringComparison.Ordinal))
                {
                    return long.Parse(line[field.Length..].Trim().Split(' ')[0]) * 1024;
                }
            }

            throw new InvalidOperationException($"/proc/self/status has no {field}");
        }
    }
}
