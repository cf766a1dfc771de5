using System.Collections.Generic;
using System.Linq;
using NetGen.Runtime.Tests.Support;
using NetGen.Samples;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Shapes;

/// <summary>Sizes inferred at compile time and the compile-time summary, checked against PyTorch and a real forward.</summary>
public sealed class InferenceAndSummaryTests
{
    [Fact]
    public void The_seed_Net_without_64x54x54_has_PyTorchs_state_dict()
    {
        var manifest = PyTorchFixtures.Manifest("net");
        using var model = new InferredNet();

        var actual = model.state_dict().Select(e => (e.Key, Shape: string.Join("x", e.Value.shape))).ToList();
        var expected = manifest.Entries.Select(e => (e.Key, Shape: string.Join("x", e.Shape))).ToList();

        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
        Assert.Equal(186624, model.fc1.weight!.shape[1]);
    }

    [Fact]
    public void The_ResNet34_summary_counts_PyTorchs_parameters()
    {
        Assert.Equal(PyTorchFixtures.Manifest("resnet34").Parameters, ResNet34.Summary.TotalParameters);
        Assert.Equal(47_044_773, ResNet34.Summary.TotalParameters);
        Assert.Equal(PyTorchFixtures.Manifest("net").Parameters, Net.Summary.TotalParameters);
        Assert.Contains("Total params: 47,044,773", ResNet34.Summary.ToString());
    }

    [Fact]
    public void Every_summary_row_has_the_output_shape_the_real_forward_produces()
    {
        using var scope = NewDisposeScope();
        var model = new ResNet34();
        model.eval();
        var modules = model.named_modules().ToDictionary(m => m.name, m => m.module);
        var seen = new Dictionary<string, long[]>();
        var removers = new List<System.IDisposable>();
        foreach (var row in ResNet34.Summary.Rows)
        {
            Assert.True(modules.ContainsKey(row.Path), $"the summary row {row.Path} names no module");
            var module = (nn.Module<Tensor, Tensor>)modules[row.Path];
            var path = row.Path;
            module.register_forward_hook((_, _, output) =>
            {
                seen[path] = output.shape.Skip(1).ToArray();
                return output;
            });
        }

        using (no_grad())
        {
            model.call(randn(1, 3, 224, 224));
        }

        Assert.Equal(ResNet34.Summary.Rows.Count, seen.Count);
        foreach (var row in ResNet34.Summary.Rows)
        {
            Assert.NotNull(row.OutputShape);
            Assert.True(row.OutputShape!.SequenceEqual(seen[row.Path]), $"{row.Path}: summary [{string.Join(", ", row.OutputShape)}], forward [{string.Join(", ", seen[row.Path])}]");
        }

        Assert.Equal(model.parameters().Sum(p => p.numel()), ResNet34.Summary.TotalParameters);
    }
}
