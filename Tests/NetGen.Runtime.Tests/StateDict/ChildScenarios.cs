using System;
using System.IO;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>The scenarios <see cref="ChildProcess"/> can run, by name. Each writes its results to standard output.</summary>
    internal static class ChildScenarios
    {
        public static int Run(string scenario, string[] arguments)
        {
            switch (scenario)
            {
                case "echo":
                    Console.WriteLine(string.Join("|", arguments));
                    return 0;
                case "save":
                    Save(target: arguments[0], content: arguments[1]);
                    return 0;
                case "load-budget":
                    return LoadBudget.Run(arguments);
                default:
                    Console.Error.WriteLine($"unknown child scenario '{scenario}'");
                    return 2;
            }
        }

        /// <summary>
        /// Saves the bytes of <paramref name="content"/> to <paramref name="target"/> through <see cref="AtomicFile"/>,
        /// 1 MiB at a time, printing "writing" once the temporary file exists and "saved" once the save returned,
        /// so a parent can kill the process in the middle of the write.
        /// </summary>
        private static void Save(string target, string content)
        {
            using var source = File.OpenRead(content);
            AtomicFile.Write(target, stream =>
            {
                Console.WriteLine("writing");
                Console.Out.Flush();
                var buffer = new byte[1 << 20];
                int read;
                while ((read = source.Read(buffer)) > 0)
                {
                    stream.Write(buffer, 0, read);
                    stream.Flush();
                }
            });
            Console.WriteLine("saved");
        }
    }
}
