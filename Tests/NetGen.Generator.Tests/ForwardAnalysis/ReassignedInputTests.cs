using System.Globalization;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.ForwardAnalysis;

/// <summary>
/// A forward that assigns its input, as the PyTorch tutorial's does (<c>x = self.pool(F.relu(self.conv1(x)))</c>). Before,
/// NetGen kept reading the input where the code read the new value, so a correct model got an error
/// ("conv2 expects 6 input channels but receives 1"). Now the input is a variable like any local.
/// </summary>
public sealed class ReassignedInputTests
{
    private static string Net(string body) => $$"""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Demo;

        [Model(Input = [1, 8, 8])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            public partial Net(bool wide = false);

            [Conv2d(1, 6, 3)] public partial Conv2d conv1 { get; }
            [Conv2d(6, 16, 3)] public partial Conv2d conv2 { get; }
            [Conv2d(16, 16, 1)] public partial Conv2d mix { get; }
            [Linear(16 * 4 * 4, 10)] public partial Linear fc { get; }

            public override Tensor forward(Tensor x)
            {
                {{body}}
            }
        }
        """;

    [Theory]
    [InlineData("x = conv1.call(x); x = conv2.call(x); x = x.flatten(1); return fc.call(x);")]
    [InlineData("x = conv2.call(conv1.call(x)); x += mix.call(x); x = x.flatten(1); return fc.call(x);")]
    [InlineData("x = conv1.call(x); if (wide) { x = x * 2; } x = conv2.call(x); return fc.call(x.flatten(1));")]
    [InlineData("var input = x; x = conv2.call(conv1.call(input)); return fc.call(x.flatten(1));")]
    public void A_forward_that_assigns_its_input_builds_with_no_diagnostic(string body)
    {
        var run = GeneratorHarness.Run(Net(body));

        Assert.Empty(run.CompilationErrors);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity > DiagnosticSeverity.Info));
        Assert.Matches(@"row\tconv2\tConv2d\t0\t16,4,4\t", SummaryData.Of(run, "Demo.Net.g.cs", "Net"));
    }

    [Fact]
    public void A_mistake_after_the_input_is_assigned_is_an_error_with_the_chain_through_the_new_value()
    {
        var run = GeneratorHarness.Run(Net("x = conv1.call(x); x = conv1.call(x); return fc.call(conv2.call(x).flatten(1));"));

        var error = Assert.Single(run.GeneratorDiagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal("NG0101", error.Id);
        Assert.Equal("conv1.call(x)", error.Location.SourceTree!.GetText().ToString(error.Location.SourceSpan));
        Assert.Equal(2, Regex.Matches(error.Location.SourceTree.GetText().ToString(), Regex.Escape("conv1.call(x)")).Count);
        Assert.True(error.Location.SourceSpan.Start > error.Location.SourceTree.GetText().ToString().IndexOf("conv1.call(x)", System.StringComparison.Ordinal));
        Assert.Contains("conv1 expects 1 input channels but receives 6; N×1×8×8 →conv1→ N×6×6×6", error.GetMessage(CultureInfo.InvariantCulture));
    }
}
