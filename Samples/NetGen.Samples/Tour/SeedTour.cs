using System.IO;
using System.Linq;
using NetGen;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Samples.Tour;

/// <summary>The <c>seed</c> subcommand: the seed's models, summarised and run once on random input.</summary>
public static class SeedTour
{
    public static void Run(TextWriter output, long seed)
    {
        torch.manual_seed(seed);
        Show(output, "Net()", Net.Summary, () => new Net(), [1, 3, 224, 224]);
        Show(output, "SeedBlock(64, 128, 2)", SeedBlock.Summary, () => new SeedBlock(64, 128, 2), [1, 64, 56, 56]);
        Show(output, "ResNet34(101)", ResNet34.Summary, () => new ResNet34(101), [1, 3, 224, 224]);
    }

    /// <summary>The compile-time summary, then one real forward pass to show the shape it predicted.</summary>
    private static void Show(TextWriter output, string name, ModelSummary summary, System.Func<nn.Module<Tensor, Tensor>> create, long[] input)
    {
        using var scope = NewDisposeScope();
        output.WriteLine(name);
        output.WriteLine(summary);
        var model = create();
        model.eval();
        using var _ = no_grad();
        var y = model.call(randn(input));
        output.WriteLine($"  forward: input [{string.Join(", ", input)}] -> output [{string.Join(", ", y.shape)}]");
        output.WriteLine();
    }
}
