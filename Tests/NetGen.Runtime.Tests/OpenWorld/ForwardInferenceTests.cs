using System.Linq;
using NetGen.Runtime.Tests.OpenWorld.Models;
using TorchSharp;
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

    [Theory]
    [InlineData(8, 16, 2)]
    [InlineData(12, 12, 1)]
    [InlineData(5, 7, 1)]
    public void A_projection_called_only_where_it_exists_is_built_for_the_blocks_input(int inC, int outC, int stride)
    {
        using var scope = NewDisposeScope();
        var block = new ProjectedBlock(inC, outC, stride);
        block.eval();

        var shapes = block.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal([outC, inC, 3L, 3], shapes["left.0.weight"]);
        Assert.Equal(stride != 1 || inC != outC, shapes.ContainsKey("downsample.0.weight"));
        if (shapes.TryGetValue("downsample.0.weight", out var projection))
        {
            Assert.Equal([outC, inC, 1L, 1], projection);
        }

        using (no_grad())
        {
            Assert.Equal([2L, outC, 8 / stride, 8 / stride], block.call(randn(2, inC, 8, 8)).shape);
        }
    }

    [Theory]
    [InlineData(12, 6)]
    [InlineData(24, 3)]
    public void A_projection_kept_in_a_local_leaves_the_head_its_24_features(int width, int classes)
    {
        using var scope = NewDisposeScope();
        var model = new ProjectedVgg(width, classes).to(float64);
        model.eval();

        var shapes = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal([classes, 24L], shapes["head.weight"]);
        Assert.Equal(width != 24, shapes.ContainsKey("project.weight"));
        if (shapes.TryGetValue("project.weight", out var projection))
        {
            Assert.Equal([24L, width, 1, 1], projection);
        }

        using (no_grad())
        {
            var output = model.call(randn(2, 3, 16, 16, dtype: float64));
            Assert.Equal([2L, classes], output.shape);
            Assert.Equal(ScalarType.Float64, output.dtype);
        }

        Assert.Equal(new ProjectedVgg().parameters().Sum(p => p.numel()), ProjectedVgg.Summary.TotalParameters);
    }

    [Fact]
    public void Sizes_after_a_padding_and_an_attention_are_what_TorchSharp_gives()
    {
        using var scope = NewDisposeScope();
        var model = new PaddedAttention(classes: 5).to(float64);
        model.eval();

        var shapes = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal([8L, 4 * 12 * 10 / 4], shapes["q.weight"]);  // 4 tokens of 12×10 after padding W by 1+1, H by 2+2
        Assert.Equal([6L, 120], shapes["v.weight"]);
        Assert.Equal([5L, 6], shapes["head.weight"]);               // the value width
        using (no_grad())
        {
            Assert.Equal([2L, 5], model.call(randn(2, 1, 8, 8, dtype: float64)).shape);
        }

        Assert.Equal(new PaddedAttention().parameters().Sum(p => p.numel()), PaddedAttention.Summary.TotalParameters);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    public void A_size_after_a_formula_argument_is_the_formula_at_any_width(int dim)
    {
        using var scope = NewDisposeScope();
        var model = new FormulaWidths(dim, classes: 5).to(float64);
        model.eval();

        var shapes = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        var widened = (dim + 1) * 2;
        Assert.Equal([widened, dim, 3, 3], shapes["expand.0.weight"]);
        Assert.Equal([widened], shapes["expand.1.weight"]);
        Assert.Equal([dim * 4, widened], shapes["hidden.weight"]);
        Assert.Equal([5L, dim * 4], shapes["head.weight"]);
        using (no_grad())
        {
            Assert.Equal([2L, 5], model.call(randn(2, dim, 8, 8, dtype: float64)).shape);
        }
    }

    [Fact]
    public void Sizes_after_one_dimensional_pooling_and_a_GRU_field_are_what_TorchSharp_gives()
    {
        using var scope = NewDisposeScope();
        var model = new KeywordNet(words: 7).to(float64);
        model.eval();

        var shapes = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal([48L, 64, 3], shapes["conv2.weight"]);
        Assert.Equal([48L], shapes["bn2.weight"]);
        Assert.Equal([7L, 2 * 32], shapes["head.weight"]);   // the GRU's mean and max over time, 32 each
        using (no_grad())
        {
            Assert.Equal([3L, 7], model.call(randn(3, 40, 100, dtype: float64)).shape);
        }

        Assert.DoesNotContain("stops following it", KeywordNet.Summary.ToString());
    }

    [Fact]
    public void Sizes_after_calls_of_the_models_own_methods_are_what_TorchSharp_gives()
    {
        using var scope = NewDisposeScope();
        var model = new HelperForward(classes: 5).to(float64);
        model.eval();

        var shapes = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal([16L, 8, 2, 2], shapes["down.weight"]);   // the stem's 8 channels, through ChannelsFirst
        Assert.Equal([5L, 16], shapes["head.weight"]);
        using (no_grad())
        {
            Assert.Equal([2L, 5], model.call(randn(2, 3, 16, 16, dtype: float64)).shape);
        }

        Assert.Equal(new HelperForward().parameters().Sum(p => p.numel()), HelperForward.Summary.TotalParameters);
        Assert.DoesNotContain("stops following it", HelperForward.Summary.ToString());
    }

    [Fact]
    public void Sizes_after_unfolded_patches_and_a_norm_are_what_TorchSharp_gives()
    {
        using var scope = NewDisposeScope();
        var model = new PatchNorm(classes: 5).to(float64);
        model.eval();

        var shapes = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal([10L, 3 * 4 * 4], shapes["embed.weight"]);  // a token is one patch: 3 channels of 4×4
        Assert.Equal([5L, 10], shapes["head.weight"]);
        using (no_grad())
        {
            Assert.Equal([2L, 5], model.call(randn(2, 3, 8, 12, dtype: float64)).shape);
        }

        Assert.Equal(new PatchNorm().parameters().Sum(p => p.numel()), PatchNorm.Summary.TotalParameters);
        Assert.DoesNotContain("stops following it", PatchNorm.Summary.ToString());
    }

    [Fact]
    public void Sizes_after_einsums_are_what_TorchSharp_gives_in_training_and_in_evaluation()
    {
        using var scope = NewDisposeScope();
        var model = new EinsumAttention(classes: 4);
        model.eval();

        var shapes = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.shape);
        Assert.Equal([8L, 16], shapes["q.weight"]);
        Assert.Equal([4L, 12], shapes["head.weight"]);   // "bij,bjd->bid": the value width
        Assert.Equal([4L, 5], shapes["tail.weight"]);    // "jd,id" is "ij": [3, 5]
        using (no_grad())
        {
            Assert.Equal([2L, 4], model.call(randn(2, 5, 16)).shape);
            model.train();
            Assert.Equal([2L, 4], model.call(randn(2, 5, 16)).shape);
        }

        Assert.Equal(new EinsumAttention().parameters().Sum(p => p.numel()), EinsumAttention.Summary.TotalParameters);
        Assert.Contains("whether the model is training is known only at run time", EinsumAttention.Summary.ToString());
        Assert.DoesNotContain("stops following it", EinsumAttention.Summary.ToString());
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
