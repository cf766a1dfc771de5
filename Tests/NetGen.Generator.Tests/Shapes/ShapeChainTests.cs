using NetGen.Generator.Shapes;

namespace NetGen.Generator.Tests.Shapes;

public class ShapeChainTests
{
    [Fact]
    public void The_seed_Net_chain_shows_every_step_down_to_the_101_classes()
    {
        SequenceResult result = ShapeInference.InferSequence(SeedNet.Input, SeedNet.Layers());

        Assert.True(result.IsSuccess);
        Assert.Equal(TensorShape.Of(101), result.Output);
        Assert.Equal(
            "3×224×224 →conv1 k3→ 32×222×222 →pool1 /2→ 32×111×111 →conv2 k3→ 64×109×109 →pool2 /2→ 64×54×54 " +
            "→flatten→ 186624 →fc1→ 256 →fc2→ 128 →fc3→ 101",
            result.Chain.ToString());
    }

    [Fact]
    public void The_seed_Net_with_64x55x55_fails_at_fc1_naming_186624_and_the_chain_that_leads_there()
    {
        SequenceResult result = ShapeInference.InferSequence(SeedNet.Input, SeedNet.Layers(fc1InFeatures: 64 * 55 * 55));

        Assert.False(result.IsSuccess);
        Assert.Equal(5, result.FailedIndex);
        ShapeFailure failure = result.Failure!;
        Assert.Equal(ShapeFailureKind.FeatureMismatch, failure.Kind);
        Assert.Equal("fc1", failure.Layer);
        Assert.Equal("186624", failure.Expected);
        Assert.Equal("193600", failure.Actual);
        Assert.Equal("fc1: Linear in_features 193600 ≠ flattened 186624", failure.Message);
        Assert.Equal(
            "3×224×224 →conv1 k3→ 32×222×222 →pool1 /2→ 32×111×111 →conv2 k3→ 64×109×109 →pool2 /2→ 64×54×54 →flatten→ 186624",
            result.Chain.ToString());
        Assert.Equal(
            "fc1: Linear in_features 193600 ≠ flattened 186624; 3×224×224 →conv1 k3→ 32×222×222 →pool1 /2→ 32×111×111 " +
            "→conv2 k3→ 64×109×109 →pool2 /2→ 64×54×54 →flatten→ 186624",
            result.ToString());
    }

    [Fact]
    public void A_long_chain_can_be_shortened_to_its_last_steps()
    {
        SequenceResult result = ShapeInference.InferSequence(SeedNet.Input, SeedNet.Layers());

        Assert.Equal("3×224×224 → … →fc2→ 128 →fc3→ 101", result.Chain.Format(2));
        Assert.Equal(result.Chain.ToString(), result.Chain.Format(100));
    }

    [Fact]
    public void The_ResNet_stem_labels_show_stride_and_padding()
    {
        SequenceResult result = ShapeInference.InferSequence(SeedNet.Input, SeedNet.ResNetStem);

        Assert.Equal(
            "3×224×224 →pre.0 k7 /2 p3→ 64×112×112 →pre.1→ 64×112×112 →pre.2→ 64×112×112 →pre.3 k3 /2 p1→ 64×56×56",
            result.Chain.ToString());
    }

    [Fact]
    public void The_chain_takes_caller_labels_and_is_a_value()
    {
        ShapeChain chain = ShapeChain.Start(TensorShape.Of(3, 224, 224))
            .Then("conv1 k3", TensorShape.Of(32, 222, 222))
            .Then("pool1 /2", TensorShape.Of(32, 111, 111));
        ShapeChain same = ShapeChain.Start(TensorShape.Of(3, 224, 224))
            .Then("conv1 k3", TensorShape.Of(32, 222, 222))
            .Then("pool1 /2", TensorShape.Of(32, 111, 111));

        Assert.Equal("3×224×224 →conv1 k3→ 32×222×222 →pool1 /2→ 32×111×111", chain.ToString());
        Assert.Equal(same, chain);
        Assert.Equal(same.GetHashCode(), chain.GetHashCode());
        Assert.Equal(TensorShape.Of(32, 111, 111), chain.Current);
    }

    [Fact]
    public void Labels_write_per_dimension_arguments_that_differ_as_products()
    {
        var conv = new ConvSpec("c", ConvKind.Conv2d, 1, 1, new Dim[] { 3, 5 }, new Dim[] { 2, 1 },
            ConvPadding.Explicit(1, 2), new Dim[] { 1 }, 4, default);
        Assert.Equal("c k3×5 /2×1 p1×2 g4", ShapeLabels.Describe(conv));
        Assert.Equal("up k4 ×2 p1", ShapeLabels.Describe(ConvSpec.ConvTranspose2d("up", 8, 4, 4, stride: 2, padding: 1)));
        Assert.Equal("c k4 same d2", ShapeLabels.Describe(ConvSpec.Conv2d("c", 1, 1, 4, padding: ConvPadding.Same, dilation: 2)));
        Assert.Equal("p /2 ceil", ShapeLabels.Describe(PoolSpec.AvgPool2d("p", 2, ceilMode: true)));
        Assert.Equal("gap 1×1", ShapeLabels.Describe(AdaptivePoolSpec.AdaptiveAvgPool2d("gap", 1)));
        Assert.Equal("a =×2", ShapeLabels.Describe(new AdaptivePoolSpec("a", null, 2)));
    }

    [Fact]
    public void Failures_read_as_the_brief_asks()
    {
        Assert.Equal("conv1 expects 32 input channels but receives 64",
            ShapeInference.Infer(ConvSpec.Conv2d("conv1", 32, 64, 3), TensorShape.Of(64, 10, 10)).Failure!.Message);
        Assert.Equal("spatial size collapses: 3 →conv1 k5→ -1",
            ShapeInference.Infer(ConvSpec.Conv2d("conv1", 3, 8, 5), TensorShape.Of(3, 3, 3)).Failure!.Message);
        Assert.Equal("conv1: groups 3 do not divide 64 input channels",
            ShapeInference.Infer(ConvSpec.Conv2d("conv1", 64, 63, 3, groups: 3), TensorShape.Of(64, 8, 8)).Failure!.Message);
        Assert.Equal("bn1 expects 64 channels but receives 32",
            ShapeInference.Infer(NormSpec.BatchNorm2d("bn1", 64), TensorShape.Of(32, 8, 8)).Failure!.Message);
        Assert.Equal("spatial size collapses: 1 →pool /2→ 0",
            ShapeInference.Infer(PoolSpec.MaxPool2d("pool", 2), TensorShape.Of(8, 1, 1)).Failure!.Message);
        Assert.Equal("add: cannot add 128×28×28 and 64×56×56: dim 1 differs (128 vs 64); shapes must be equal",
            MergeShapes.Add("add", TensorShape.Of(128, 28, 28), TensorShape.Of(64, 56, 56)).Failure!.Message);
    }
}
