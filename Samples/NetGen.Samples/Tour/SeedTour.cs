using System.IO;
using System.Linq;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Samples.Tour;

/// <summary>The <c>seed</c> subcommand: the seed's models, summarised and run once on random input.</summary>
public static class SeedTour
{
    public static void Run(TextWriter output, long seed)
    {
        torch.manual_seed(seed);
        Show(output, "Net()", () => new Net(), [1, 3, 224, 224]);
        Show(output, "SeedBlock(64, 128, 2)", () => new SeedBlock(64, 128, 2), [1, 64, 56, 56]);
        Show(output, "ResNet34(101)", () => new ResNet34(101), [1, 3, 224, 224]);
    }

    private static void Show(TextWriter output, string name, System.Func<nn.Module<Tensor, Tensor>> create, long[] input)
    {
        using var scope = NewDisposeScope();
        var model = create();
        ModuleSummary.Print(model, name, output);
        model.eval();
        using var _ = no_grad();
        var y = model.call(randn(input));
        output.WriteLine($"  forward: input [{string.Join(", ", input)}] -> output [{string.Join(", ", y.shape)}]");
        output.WriteLine();
    }
}
