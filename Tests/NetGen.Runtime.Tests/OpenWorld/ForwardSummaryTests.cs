using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Runtime.Tests.OpenWorld.Models;
using TorchSharp.Modules;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// Issue 13's acceptance models, each with a hand-written forward that NetGen follows to its end: the compile-time
/// Summary agrees with a real forward, observed with forward hooks on every module a row names, on every size it
/// claims to know (a size NetGen does not know is -1 and claims nothing).
/// </summary>
public sealed class ForwardSummaryTests(ITestOutputHelper output)
{
    public static IEnumerable<object[]> Models() =>
        new[]
        {
            nameof(TinyUNet), nameof(DenseBlock), nameof(ShuffleUnit), nameof(SqueezeExcite), nameof(EncoderBlock), nameof(TinyViT),
            nameof(TextClassifier), nameof(ResNet34Forward), nameof(ForwardInferredNet),
        }.Select(n => new object[] { n });

    private static (ModelSummary Summary, Func<nn.Module<Tensor, Tensor>> Create, Func<Tensor> Input) Case(string name) => name switch
    {
        nameof(TinyUNet) => (TinyUNet.Summary, () => new TinyUNet(), () => randn(2, 1, 8, 8)),
        nameof(DenseBlock) => (DenseBlock.Summary, () => new DenseBlock(), () => randn(2, 8, 6, 6)),
        nameof(ShuffleUnit) => (ShuffleUnit.Summary, () => new ShuffleUnit(), () => randn(2, 16, 6, 6)),
        nameof(SqueezeExcite) => (SqueezeExcite.Summary, () => new SqueezeExcite(), () => randn(2, 16, 5, 5)),
        nameof(EncoderBlock) => (EncoderBlock.Summary, () => new EncoderBlock(), () => randn(2, 5, 16)),
        nameof(TinyViT) => (TinyViT.Summary, () => new TinyViT(), () => randn(2, 3, 16, 16)),
        nameof(TextClassifier) => (TextClassifier.Summary, () => new TextClassifier(), () => randint(0, 1000, new long[] { 2, 7 })),
        nameof(ResNet34Forward) => (ResNet34Forward.Summary, () => new ResNet34Forward(), () => randn(2, 3, 224, 224)),
        nameof(ForwardInferredNet) => (ForwardInferredNet.Summary, () => new ForwardInferredNet(), () => randn(2, 3, 12, 12)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void Every_size_the_summary_claims_is_what_the_real_forward_gives(string name)
    {
        var (summary, create, input) = Case(name);
        output.WriteLine(summary.ToString());
        using var scope = NewDisposeScope();
        var model = create();
        model.eval();
        var modules = model.named_modules().ToDictionary(m => m.name, m => m.module);
        var parameters = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        var seen = new Dictionary<string, long[]>();
        foreach (var row in summary.Rows.Where(r => !r.Path.Contains('…', StringComparison.Ordinal)))
        {
            // A learnable tensor's row is its whole shape (no batch); it is read off the parameter, not a hook.
            if (row.Type == "Parameter")
            {
                Assert.True(parameters.TryGetValue(row.Path, out var shape), $"the summary row {row.Path} names no parameter");
                seen[row.Path] = shape!;
                continue;
            }

            Assert.True(modules.ContainsKey(row.Path), $"the summary row {row.Path} names no module");
            Hook(modules[row.Path], row.Path, seen);
        }

        using (no_grad())
        {
            model.call(input());
        }

        var known = 0;
        foreach (var row in summary.Rows.Where(r => r.OutputShape is not null))
        {
            Assert.True(seen.TryGetValue(row.Path, out var real), $"{row.Path} never ran");
            Assert.True(row.OutputShape!.Length == real!.Length, $"{row.Path}: summary [{string.Join(", ", row.OutputShape!)}], forward [{string.Join(", ", real)}]");
            foreach (var (claimed, actual) in row.OutputShape.Zip(real))
            {
                Assert.True(claimed < 0 || claimed == actual, $"{row.Path}: summary [{string.Join(", ", row.OutputShape)}], forward [{string.Join(", ", real)}]");
                known += claimed < 0 ? 0 : 1;
            }
        }

        // Following the forward is what makes the rows known: every row has its rank, and the forward was followed to its end.
        Assert.All(summary.Rows, r => Assert.NotNull(r.OutputShape));
        Assert.True(known > 0);
        Assert.Contains(summary.Notes, n => n.StartsWith("The forward is hand-written and NetGen follows it", StringComparison.Ordinal));
        Assert.DoesNotContain(summary.Notes, n => n.Contains("stops following", StringComparison.Ordinal));
    }

    /// <summary>Records each module's output without its first dimension (the batch, or the sequence for a sequence-first attention).</summary>
    private static void Hook(nn.Module module, string path, Dictionary<string, long[]> seen)
    {
        switch (module)
        {
            case nn.Module<Tensor, Tensor> plain:
                plain.register_forward_hook((_, _, result) =>
                {
                    seen[path] = result.shape.Skip(1).ToArray();
                    return result;
                });
                break;
            case LSTM lstm:
                lstm.register_forward_hook((_, _, _, result) =>
                {
                    seen[path] = result.Item1.shape.Skip(1).ToArray();
                    return result;
                });
                break;
            case MultiheadAttention attention:
                attention.register_forward_hook((_, _, _, _, _, _, _, result) =>
                {
                    seen[path] = result.Item1.shape.Skip(1).ToArray();
                    return result;
                });
                break;
            default:
                throw new InvalidOperationException($"{path}: no hook for {module.GetType().Name}");
        }
    }
}
