using System;
using System.IO;
using NetGen.Runtime.Tests.StateDict;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// Real torchvision resnet18, resnet34, resnet50, resnext50_32x4d and wide_resnet50_2 checkpoints with an input and
/// torchvision's output for it, written at test time by tools/fixtures/make_torchvision_resnet.py (Debian's
/// python3-torchvision) into a temporary folder that is deleted afterwards: about 600 MB that stay out of git. Written
/// once, when a test first asks.
/// </summary>
public sealed class TorchvisionResNetCheckpoints : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Lazy<string> _log;

    public TorchvisionResNetCheckpoints() =>
        _log = new Lazy<string>(() => PythonScripts.Run("make_torchvision_resnet.py", _directory.Path, "resnet18", "resnet34", "resnet50", "resnext50_32x4d", "wide_resnet50_2"));

    /// <summary>What the script printed: entries and output range per architecture.</summary>
    public string Log => _log.Value;

    /// <summary><c>ARCH.pt</c>, torchvision's state dict as <c>torch.save</c> wrote it.</summary>
    public string StateDict(string arch) => Written(arch + ".pt");

    /// <summary><c>ARCH.io.pt</c>: <c>input</c> [2, 3, 224, 224] and torchvision's eval-mode <c>output</c> [2, 1000].</summary>
    public string InputOutput(string arch) => Written(arch + ".io.pt");

    public void Dispose() => _directory.Dispose();

    private string Written(string name)
    {
        _ = _log.Value;
        var path = _directory.File(name);
        Assert.True(File.Exists(path), $"make_torchvision_resnet.py did not write {name}");
        return path;
    }
}
