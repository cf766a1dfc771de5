using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// Runs tools/pytorch/checkpoint_tool.py in real PyTorch (Debian's python3-torch; NETGEN_PYTHON overrides
    /// the interpreter). Tests that need it call <see cref="SkipIfUnavailable"/> and report themselves skipped,
    /// with the reason, where PyTorch is missing.
    /// </summary>
    internal static class PythonTorch
    {
        private static readonly string Interpreter = Environment.GetEnvironmentVariable("NETGEN_PYTHON") ?? "/usr/bin/python3";
        private static readonly Lazy<string?> UnavailableReason = new(Probe);

        public static void SkipIfUnavailable() => Skip.If(UnavailableReason.Value is not null, UnavailableReason.Value);

        public static string Run(params string[] arguments)
        {
            var (exitCode, output, error) = Execute([Path.Combine(AppContext.BaseDirectory, "tools", "checkpoint_tool.py"), .. arguments]);
            Assert.True(exitCode == 0, $"checkpoint_tool.py {string.Join(' ', arguments)} failed ({exitCode}): {error}{output}");
            return output.Trim();
        }

        /// <summary>Writes the JSON the tool compares against: [key, dtype, shape, base64 bytes] per entry.</summary>
        public static void WriteExpected(string path, IEnumerable<KeyValuePair<string, Tensor>> tensors)
        {
            var items = tensors.Select(kv =>
            {
                using var data = kv.Value.detach().cpu().contiguous();
                return new object[] { kv.Key, TorchName(data.dtype), data.shape, Convert.ToBase64String(data.bytes) };
            });
            File.WriteAllText(path, JsonSerializer.Serialize(items));
        }

        /// <summary>Reads the JSON <see cref="WriteExpected"/> writes (and the tool's make-* commands write) back into tensors.</summary>
        public static List<KeyValuePair<string, Tensor>> ReadExpected(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var result = new List<KeyValuePair<string, Tensor>>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var dtype = FromTorchName(item[1].GetString()!);
                long[] shape = [.. item[2].EnumerateArray().Select(d => d.GetInt64())];
                byte[] bytes = Convert.FromBase64String(item[3].GetString()!);
                var tensor = empty(shape, dtype);
                if (bytes.Length > 0)
                {
                    bytes.CopyTo(tensor.bytes);
                }

                result.Add(new(item[0].GetString()!, tensor));
            }

            return result;
        }

        /// <summary>PyTorch's dtype names (as <c>str(t.dtype)</c> without <c>torch.</c>) for the dtypes the tool handles.</summary>
        private static readonly (string Name, ScalarType Type)[] TorchNames =
        [
            ("float32", ScalarType.Float32), ("float64", ScalarType.Float64), ("float16", ScalarType.Float16),
            ("bfloat16", ScalarType.BFloat16), ("int64", ScalarType.Int64), ("int32", ScalarType.Int32),
            ("int16", ScalarType.Int16), ("int8", ScalarType.Int8), ("uint8", ScalarType.Byte), ("bool", ScalarType.Bool),
        ];

        private static ScalarType FromTorchName(string name) => TorchNames.Single(n => n.Name == name).Type;

        private static string TorchName(ScalarType dtype) => TorchNames.Single(n => n.Type == dtype).Name;

        private static string? Probe()
        {
            try
            {
                var (exitCode, _, error) = Execute(["-c", "import torch"]);
                return exitCode == 0 ? null : $"PyTorch is not importable by {Interpreter} (apt-get install python3-torch): {error.Trim()}";
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or FileNotFoundException)
            {
                return $"{Interpreter} is not installed (apt-get install python3-torch): {e.Message}";
            }
        }

        private static (int ExitCode, string Output, string Error) Execute(string[] arguments)
        {
            var start = new ProcessStartInfo(Interpreter)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{Interpreter} {string.Join(' ', arguments)} ran for over 2 minutes.");
            }

            return (process.ExitCode, output.Result, error.Result);
        }
    }
}
