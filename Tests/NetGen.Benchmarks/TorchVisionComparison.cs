using System;
using System.Globalization;
using System.Linq;
using NetGen.Vision;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Benchmarks;

/// <summary>
/// NetGen's torchvision declarations against the same models in TorchSharp's own TorchVision 0.107 package
/// (hand-written C#), for docs/zoo.md. For each pair it reports whether TorchVision's state dict has
/// torchvision's keys and shapes (NetGen's have them, ZooManifestTests shows it), so that one checkpoint
/// loads into both; when it does, the largest output difference under the same weights; and the forward time
/// ratio NetGen/TorchVision, measured interleaved (<see cref="InterleavedTimes"/>). Where TorchVision's state dict only
/// lacks some of torchvision's entries (its GoogleNet has no auxiliary classifiers), it says which, and compares on the
/// entries both have: the forward never runs the missing modules.
/// </summary>
public static class TorchVisionComparison
{
    /// <param name="Size">The input's height and width: 224, or the model's own (inception_v3 is made for 299×299).</param>
    private sealed record Pair(string Name, Func<nn.Module<Tensor, Tensor>> NetGen, Func<nn.Module<Tensor, Tensor>> TorchVision, int Size = 224);

    private static readonly Pair[] Pairs =
    [
        new("resnet18", () => ResNet.ResNet18(), () => torchvision.models.resnet18()),
        new("resnet34", () => ResNet.ResNet34(), () => torchvision.models.resnet34()),
        new("resnet50", () => ResNet.ResNet50(), () => torchvision.models.resnet50()),
        new("resnet101", () => ResNet.ResNet101(), () => torchvision.models.resnet101()),
        new("resnet152", () => ResNet.ResNet152(), () => torchvision.models.resnet152()),
        new("resnext50_32x4d", () => ResNet.ResNeXt50_32X4D(), () => torchvision.models.resnext50_32x4d()),
        new("resnext101_32x8d", () => ResNet.ResNeXt101_32X8D(), () => torchvision.models.resnext101_32x8d()),
        new("resnext101_64x4d", () => ResNet.ResNeXt101_64X4D(), () => torchvision.models.resnext101_64x4d()),
        new("wide_resnet50_2", () => ResNet.WideResNet50_2(), () => torchvision.models.wide_resnet50_2()),
        new("wide_resnet101_2", () => ResNet.WideResNet101_2(), () => torchvision.models.wide_resnet101_2()),
        new("mobilenet_v2", () => new MobileNetV2(1000), () => torchvision.models.mobilenet_v2()),
        new("alexnet", () => new AlexNet(), () => torchvision.models.alexnet()),
        new("vgg11", () => Vgg.Vgg11(), () => torchvision.models.vgg11()),
        new("vgg11_bn", () => Vgg.Vgg11BN(), () => torchvision.models.vgg11_bn()),
        new("mobilenet_v3_small", () => MobileNetV3.Small(), () => torchvision.models.mobilenet_v3_small()),
        new("mobilenet_v3_large", () => MobileNetV3.Large(), () => torchvision.models.mobilenet_v3_large()),
        new("googlenet", () => new GoogLeNet(), () => torchvision.models.googlenet()),
        new("inception_v3", () => new InceptionV3(), () => torchvision.models.inception_v3(), Size: 299),
    ];

    /// <param name="only">The variants to compare, e.g. <c>["vgg11"]</c>; all when empty.</param>
    public static void Run(int rounds, int batch, params string[] only)
    {
        BenchmarkSettings.FixThreads();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"NetGen vs TorchVision 0.107: batch {batch}, 224x224 (inception_v3 299x299), eval, no_grad, {BenchmarkSettings.Threads} threads, {rounds} interleaved rounds"));
        foreach (var pair in Pairs.Where(p => only.Length == 0 || only.Contains(p.Name)))
        {
            Compare(pair, rounds, batch);
        }
    }

    private static void Compare(Pair pair, int rounds, int batch)
    {
        using var netgen = pair.NetGen();
        using var vision = pair.TorchVision();
        netgen.eval();
        vision.eval();

        var ours = netgen.state_dict();
        var theirs = vision.state_dict();
        var differing = theirs.Keys
            .Where(k => !ours.TryGetValue(k, out var a) || !a.shape.SequenceEqual(theirs[k].shape))
            .ToList();
        if (differing.Count > 0)
        {
            Console.WriteLine($"{pair.Name}: TorchVision's state dict differs from torchvision's in {differing.Count} entries " +
                $"(e.g. {string.Join(", ", differing.Take(3))}); no shared weights, so no output or time comparison");
            return;
        }

        var lacking = ours.Keys.Where(k => !theirs.ContainsKey(k)).ToList();
        var loads = lacking.Count == 0
            ? "loads torchvision's state dict unchanged"
            : $"lacks {lacking.Count} of torchvision's entries (under {string.Join(", ", lacking.Select(k => k.Split('.')[0]).Distinct())}), so it does not " +
              $"load torchvision's state dict unchanged; compared on the {theirs.Count} entries both have";
        vision.load_state_dict(ours.Where(e => theirs.ContainsKey(e.Key)).ToDictionary(e => e.Key, e => e.Value), strict: true);
        using var noGrad = no_grad();
        using var input = randn(batch, 3, pair.Size, pair.Size, generator: new Generator(12));
        double maxDiff;
        using (var a = netgen.call(input))
        using (var b = vision.call(input))
        {
            maxDiff = (a - b).abs().max().item<float>();
        }

        var times = InterleavedTimes.Measure(netgen, vision, input, rounds);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{pair.Name}: {loads}; max |NetGen - TorchVision| = {maxDiff:G3}; " +
            $"median ms NetGen {Statistics.Median(times.Subject):0.00}, TorchVision {Statistics.Median(times.Baseline):0.00}; " +
            $"median per-round ratio NetGen/TorchVision {Statistics.Median(times.Ratios):0.000} " +
            $"(quartiles {Statistics.Quantile(times.Ratios, 0.25):0.000}–{Statistics.Quantile(times.Ratios, 0.75):0.000})"));
    }
}
