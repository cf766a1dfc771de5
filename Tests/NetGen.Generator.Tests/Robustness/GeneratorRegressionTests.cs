using System.Linq;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Robustness;

/// <summary>Declarations the random robustness test found mishandled, each pinned by a focused test.</summary>
public sealed class GeneratorRegressionTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    private static void AssertCompilesCleanly(string source)
    {
        var run = GeneratorHarness.Run(Usings + source);
        var problems = run.GeneratorDiagnostics.Concat(run.CompilationErrors).Select(d => d.ToString()).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static void AssertReported(string id, string source)
    {
        var run = GeneratorHarness.Run(Usings + source);
        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == id);
    }

    [Fact]
    public void A_generic_model_compiles() => AssertCompilesCleanly("""
        [Model]
        public partial class Box<T> : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 3)] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public void A_convolution_with_padding_zero_compiles() => AssertCompilesCleanly("""
        [Model]
        public partial class Pad : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 3, Padding = 0)] public partial Conv2d conv { get; }
        }
        """);
}
