using System.Linq;
using NetGen.Runtime.Tests.OpenWorld.Models;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// Sizes NetGen infers through a hand-written forward build a model that runs: each omitted size is what the forward
/// passes the member, for any value of the hyperparameters it depends on, and the compile-time summary counts the
/// model that is built.
/// </summary>
public sealed class ForwardInferenceTests
{
    [Fact]
    public void The_inferred_sizes_are_what_the_forward_passes_each_member_at_any_width()
    {
        using var scope = NewDisposeScope();
        var model = new ForwardInferredNet(width: 7, classes: 4);
        model.eval();

        var shapes = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal([7L, 3, 3, 3], shapes["body.weight"]);        // the input's 3 channels
        Assert.Equal([8L, 7, 3, 3], shapes["stem.0.weight"]);      // body's width, called after it
        Assert.Equal([8L], shapes["stem.1.weight"]);               // stem's conv gives 8
        Assert.Equal([4L, 8], shapes["head.2.weight"]);            // flattened 8 channels
        using (no_grad())
        {
            Assert.Equal([2L, 4], model.call(randn(2, 3, 12, 12)).shape);
        }
    }

    [Fact]
    public void The_summary_counts_the_model_the_defaults_build()
    {
        using var scope = NewDisposeScope();
        var model = new ForwardInferredNet();

        Assert.Equal(model.parameters().Sum(p => p.numel()), ForwardInferredNet.Summary.TotalParameters);
        Assert.Equal(ForwardInferredNet.Keys.stem._1.running_mean, model.StateSchema.Select(e => e.Key).Single(k => k == "stem.1.running_mean"));
    }
}
