using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using NetGen;
using NetGen.Samples;
using NetGen.StateDict.Benchmark;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

// Loads the full-size seed ResNet34 (101 classes) checkpoint three ways, each in a fresh process, and
// reports load time and peak resident memory above the process's resident size just before the load
// (the model's own tensors are already allocated then):
//   netgen    NetGen's LoadCheckpoint (restricted reader, bytes read straight into the parameters)
//   pybridge  TorchSharp.PyBridge's load_py
//   pytorch   torch.load + load_state_dict in /usr/bin/python3 (tools/pytorch/load_benchmark.py)
//
// dotnet run -c Release --project Tests/NetGen.StateDict.Benchmark -- all /tmp/resnet34.pt [repeats]
//   writes the checkpoint if it is missing, then prints a markdown table.
string mode = args.Length > 0 ? args[0] : "all";
string path = args.Length > 1 ? args[1] : Path.Combine(Path.GetTempPath(), "netgen-resnet34.pt");
int repeats = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 3;
set_num_threads(2);

switch (mode)
{
    case "write":
        WriteFormulaCheckpoint(path);
        break;
    case "netgen":
        Measure(model => model.LoadCheckpoint(path));
        break;
    case "netgen-warm":
        // The second of two loads in one process: the load without the JIT compilation of NetGen's reader.
        Measure(model => model.LoadCheckpoint(path), warmUp: true);
        break;
    case "pybridge":
        Measure(model => model.load_py(path));
        break;
    case "all":
        if (!File.Exists(path))
        {
            WriteFormulaCheckpoint(path);
        }

        RunAll(path, repeats);
        break;
    default:
        Console.Error.WriteLine("usage: (write|netgen|pybridge|all) PATH [repeats]");
        return 2;
}

return 0;

static void Measure(Action<ResNet34> load, bool warmUp = false)
{
    using var model = new ResNet34(101);
    if (warmUp)
    {
        load(model);
    }

    ProcessMemory.ResetPeak();
    long before = ProcessMemory.ResidentBytes;
    var clock = Stopwatch.StartNew();
    load(model);
    clock.Stop();
    long peak = ProcessMemory.PeakResidentBytes;
    Console.WriteLine(FormattableString.Invariant($"{clock.Elapsed.TotalSeconds:F3} {peak - before}"));
}

static void WriteFormulaCheckpoint(string path)
{
    using var model = new ResNet34(101);
    using (no_grad())
    {
        foreach (var (key, tensor) in model.OrderedStateDict())
        {
            using var value = Formula(key, tensor.shape, tensor.dtype);
            tensor.copy_(value);
        }
    }

    model.SaveCheckpoint(path);
    Console.WriteLine($"wrote {path}: {new FileInfo(path).Length} bytes");
}

// make_fixtures.py's deterministic formula: b = sin(0.37 j + 0.013 len(key)), scaled per entry kind.
static Tensor Formula(string key, long[] shape, ScalarType dtype)
{
    long n = shape.Aggregate(1L, (a, b) => a * b);
    using var j = arange(n, dtype: ScalarType.Float64);
    using var b = sin(j * 0.37 + 0.013 * key.Length);
    using var values = key.EndsWith("num_batches_tracked", StringComparison.Ordinal) ? zeros(n, dtype: ScalarType.Float64)
        : key.EndsWith("running_var", StringComparison.Ordinal) ? b * b * 0.5 + 1
        : key.EndsWith("running_mean", StringComparison.Ordinal) ? b * 0.1
        : shape.Length >= 2 ? b / Math.Sqrt((double)n / shape[0])
        : b * 0.1;
    return values.reshape(shape).to_type(dtype);
}

static void RunAll(string path, int repeats)
{
    long fileBytes = new FileInfo(path).Length;
    string self = Environment.ProcessPath!;
    string script = Path.Combine(AppContext.BaseDirectory, "tools", "load_benchmark.py");
    var runs = new (string Name, string Exe, string[] Arguments)[]
    {
        ("NetGen `LoadCheckpoint`", self, ["netgen", path]),
        ("PyBridge `load_py`", self, ["pybridge", path]),
        ("PyTorch `torch.load` + `load_state_dict`", "/usr/bin/python3", [script, path]),
    };

    Console.WriteLine($"File: {fileBytes / 1e6:F1} MB ({fileBytes} bytes); {repeats} fresh processes each; median shown.");
    Console.WriteLine();
    Console.WriteLine("| loader | load time (s) | peak RSS over the model's own (MB) | peak / file size |");
    Console.WriteLine("| --- | ---: | ---: | ---: |");
    foreach (var (name, exe, arguments) in runs)
    {
        var results = new List<(double Seconds, long Bytes)>();
        for (int i = 0; i < repeats; i++)
        {
            var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (string argument in arguments)
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            string output = process.StandardOutput.ReadToEnd().Trim().Split('\n')[^1];
            process.WaitForExit();
            var parts = output.Split(' ');
            results.Add((double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture)));
        }

        double seconds = results.Select(r => r.Seconds).OrderBy(s => s).ElementAt(repeats / 2);
        long bytes = results.Select(r => r.Bytes).OrderBy(b => b).ElementAt(repeats / 2);
        Console.WriteLine(FormattableString.Invariant($"| {name} | {seconds:F2} | {bytes / 1e6:F1} | {(double)bytes / fileBytes:F2}× |"));
    }
}
