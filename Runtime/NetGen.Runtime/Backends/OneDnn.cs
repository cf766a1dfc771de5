using System;
using System.IO;
using System.Runtime.InteropServices;
using TorchSharp;

namespace NetGen;

/// <summary>
/// Whether libtorch may use oneDNN (MKL-DNN) for CPU convolutions and matrix products: PyTorch's
/// <c>torch.backends.mkldnn.enabled</c>, which TorchSharp does not expose. With it off, libtorch computes those
/// operations with its own kernels.
/// </summary>
/// <remarks>
/// The reason to turn it off is a CPU on which oneDNN computes wrong results. On an AMD EPYC with AVX-512 BF16
/// (Zen 5), the oneDNN inside TorchSharp 0.107's libtorch gave googlenet and efficientnet_v2_s logits that differ from
/// torchvision's by up to 70%, sometimes NaN, and bfloat16 outputs that change from one call to the next; PyTorch's
/// own tracker has reports of the same kind (pytorch/pytorch#163347, #177227), with the same remedy. libtorch reads
/// the setting on every call, so it applies from the next operation on; it is global to the process.
/// <para>
/// TorchSharp binds no function for it, so this calls libtorch's own C++ accessors by their exported names; that
/// needs the Itanium C++ ABI (Linux, macOS). Elsewhere, or with a libtorch that lacks them, it throws and changes
/// nothing.
/// </para>
/// </remarks>
public static unsafe class OneDnn
{
    private const string ContextSymbol = "_ZN2at13globalContextEv";
    private const string GetSymbol = "_ZNK2at7Context17userEnabledMkldnnEv";
    private const string SetSymbol = "_ZN2at7Context20setUserEnabledMkldnnEb";

    private static readonly Lazy<Accessors> Native = new(Bind);

    /// <summary>Whether libtorch may use oneDNN; true unless turned off.</summary>
    /// <exception cref="PlatformNotSupportedException">Not Linux or macOS, or the loaded libtorch does not export the accessors.</exception>
    public static bool Enabled
    {
        get => Native.Value.Get(Native.Value.Context()) != 0;
        set => Native.Value.Set(Native.Value.Context(), value ? (byte)1 : (byte)0);
    }

    private readonly struct Accessors(IntPtr context, IntPtr get, IntPtr set)
    {
        public delegate* unmanaged<IntPtr> Context => (delegate* unmanaged<IntPtr>)context;

        public delegate* unmanaged<IntPtr, byte> Get => (delegate* unmanaged<IntPtr, byte>)get;

        public delegate* unmanaged<IntPtr, byte, void> Set => (delegate* unmanaged<IntPtr, byte, void>)set;
    }

    private static Accessors Bind()
    {
        var name = OperatingSystem.IsLinux() ? "libtorch_cpu.so"
            : OperatingSystem.IsMacOS() ? "libtorch_cpu.dylib"
            : throw new PlatformNotSupportedException("NetGen.OneDnn calls libtorch's C++ accessors by their Itanium-ABI names, which exist on Linux and macOS only.");

        // TorchSharp loads libtorch on first use; after that, the library below is the one already in the process.
        torch.InitializeDeviceType(DeviceType.CPU);
        var library = Load(name);
        return new Accessors(Export(library, name, ContextSymbol), Export(library, name, GetSymbol), Export(library, name, SetSymbol));
    }

    /// <summary>Where TorchSharp's packages put libtorch: the app's runtimes folder, or next to the app once published.</summary>
    private static IntPtr Load(string name)
    {
        var rid = (OperatingSystem.IsLinux() ? "linux-" : "osx-") + RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant();
        foreach (var path in new[] { Path.Combine(AppContext.BaseDirectory, "runtimes", rid, "native", name), Path.Combine(AppContext.BaseDirectory, name) })
        {
            if (File.Exists(path) && NativeLibrary.TryLoad(path, out var handle))
            {
                return handle;
            }
        }

        return NativeLibrary.TryLoad(name, out var loaded)
            ? loaded
            : throw new PlatformNotSupportedException($"NetGen.OneDnn could not find {name} under {AppContext.BaseDirectory} or on the library path.");
    }

    private static IntPtr Export(IntPtr library, string name, string symbol) =>
        NativeLibrary.TryGetExport(library, symbol, out var address)
            ? address
            : throw new PlatformNotSupportedException($"{name} does not export {symbol}: this libtorch's C++ API differs from the one NetGen.OneDnn was written for (libtorch 2.x).");
}
