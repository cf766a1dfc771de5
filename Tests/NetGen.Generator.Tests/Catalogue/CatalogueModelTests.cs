using System;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;
using static TorchSharp.torch;

namespace NetGen.Generator.Tests.Catalogue;

/// <summary>
/// The new layers through the whole pipeline: attributes as a user writes them (parsed by Roslyn), the generator's
/// constructor and forward (modules and functional forms), compiled with warnings as errors, then run on real
/// TorchSharp. The output shape and parameter count NetGen inferred at compile time (its Summary) must be what
/// TorchSharp produces.
/// </summary>
public class CatalogueModelTests
{
    private const string Source = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace CatalogueModels;

        [Model(Input = [3, 16, 16])]
        public partial class Vision : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 3, Padding = 1), Hardswish] public partial Conv2d conv { get; }
            [BatchNorm2d] public partial BatchNorm2d bn { get; }
            [PReLU(NumParameters = 8), Hardsigmoid] public partial PReLU act { get; }
            [ZeroPad2d(new[] { 0, 1, 0, 1 }), MaxPool2d(2)] public partial ZeroPad2d pad { get; }
            [InstanceNorm2d(8, Affine = true), ELU(0.5)] public partial InstanceNorm2d inorm { get; }
            [LayerNorm2d(8, Eps = 1e-6), StochasticDepth(0.2, "row")] public partial LayerNorm2d ln { get; }
            [LocalResponseNorm(2), Dropout2d(0.1)] public partial LocalResponseNorm lrn { get; }
            [PixelShuffle(2)] public partial PixelShuffle shuffle { get; }
            [Upsample(ScaleFactor = 2.0, Mode = "bilinear", AlignCorners = false)] public partial Upsample up { get; }
            [ConstantPad2d(1, 0.5), Softplus] public partial ConstantPad2d cpad { get; }
            [AdaptiveMaxPool2d(4), Mish] public partial AdaptiveMaxPool2d amax { get; }
            [Flatten, Linear(12), SELU] public partial Linear fc { get; }
            [Unflatten(1, 3, 4), Identity] public partial Unflatten unflat { get; }
            [LogSoftmax(2)] public partial LogSoftmax logits { get; }
        }

        [Model(Input = [2, 4, 8, 8])]
        public partial class Volume : nn.Module<Tensor, Tensor>
        {
            [Conv3d(4, 3, Padding = 1)] public partial Conv3d conv { get; }
            [BatchNorm3d, MaxPool3d(2)] public partial BatchNorm3d bn { get; }
            [Flatten(StartDim = 2), MaxPool1d(2)] public partial MaxPool1d pool1 { get; }
            [AvgPool1d(2), Dropout1d(0.2)] public partial AvgPool1d pool2 { get; }
            [AdaptiveAvgPool1d(2)] public partial AdaptiveAvgPool1d adaptive { get; }
            [ConstantPad1d(new[] { 1, 0 }, 0.0), Identity] public partial ConstantPad1d pad { get; }
            [Permute(0, 2, 1)] public partial Permute swap { get; }
        }

        [Model(Input = [6, 5])]
        public partial class Sequence : nn.Module<Tensor, Tensor>
        {
            [LSTM(5, 8, BatchFirst = true)] public partial LSTM lstm { get; }
            [MultiheadAttention(8, 2)] public partial MultiheadAttention attn { get; }
            [TransformerEncoderLayer(8, 4, DimFeedforward = 16, Dropout = 0.0)] public partial TransformerEncoderLayer encoder { get; }
            [GRU(8, 4, NumLayers = 2, Bidirectional = true, BatchFirst = true), Tanh] public partial GRU gru { get; }
            [RNN(8, 3, Nonlinearity = "relu", BatchFirst = true)] public partial RNN rnn { get; }
            [Flatten, Linear(2)] public partial Linear fc { get; }
        }
        """;

    [Theory]
    [InlineData("Vision")]
    [InlineData("Volume")]
    [InlineData("Sequence")]
    public void Generated_model_runs_on_TorchSharp_with_the_shapes_and_counts_NetGen_inferred(string name)
    {
        var type = Compiled.Value.GetType("CatalogueModels." + name)!;
        using var model = (nn.Module<Tensor, Tensor>)Activator.CreateInstance(type)!;
        var summary = (ModelSummary)type.GetProperty("Summary", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        model.eval();
        using var input = zeros(new long[] { 2 }.Concat(summary.Input).ToArray());
        using var output = model.call(input);

        Assert.Equal(new long[] { 2 }.Concat(summary.Rows.Last(r => r.Depth == 0).OutputShape!), output.shape);
        Assert.Equal(model.parameters().Sum(p => p.numel()), summary.TotalParameters);
    }

    private static readonly Lazy<Assembly> Compiled = new(() =>
    {
        var run = GeneratorHarness.Run(Source);
        var problems = run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info).Concat(run.CompilationErrors).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        using var stream = new MemoryStream();
        var emitted = run.Output.Emit(stream);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return Assembly.Load(stream.ToArray());
    });
}
