using System;
using System.Runtime.CompilerServices;

namespace NetGen.Runtime.Tests.Support;

/// <summary>
/// The runtime tests compare NetGen's outputs with PyTorch's and torchvision's, to 1e-4 or bit for bit, so they run
/// with oneDNN off (<see cref="OneDnn"/>). On some CPUs the oneDNN inside TorchSharp's libtorch computes wrong results:
/// on an AMD EPYC with AVX-512 BF16 it failed googlenet and efficientnet_v2_s against torchvision, a text classifier
/// against PyTorch, and a bfloat16 save-and-load, whatever NetGen did; libtorch's own kernels are right there. Set
/// <c>NETGEN_TESTS_ONEDNN=1</c> to keep oneDNN on and see whether a host is one of those.
/// </summary>
internal static class SuiteBackends
{
    public const string KeepOneDnnVariable = "NETGEN_TESTS_ONEDNN";

    public static bool OneDnnKept { get; } = Environment.GetEnvironmentVariable(KeepOneDnnVariable) == "1";

#pragma warning disable CA2255 // A test assembly's initializer: it must run before any test touches libtorch.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void TurnOffOneDnn()
    {
        if (!OneDnnKept)
        {
            OneDnn.Enabled = false;
        }
    }
}
