using NetGen.Generator.Model;
using NetGen.Generator.Shapes;
using static TorchSharp.torch;

namespace NetGen.Generator.Tests.Catalogue;

/// <summary>
/// Where PyTorch 1.13 accepts something that TorchSharp 0.107 (libtorch 2.10) refuses, NetGen follows what runs:
/// the shape rule refuses it at compile time. Each case shows both halves: the rule's refusal and TorchSharp's.
/// </summary>
public class TorchSharpDivergenceTests
{
    [Fact]
    public void A_max_pool1d_output_of_length_0_is_refused_as_TorchSharp_refuses_it()
    {
        var result = ShapeInference.Infer(new PoolSpec("pool", PoolKind.MaxPool1d, EquatableArray.Create(Dim.Of(3)), EquatableArray<Dim>.Empty,
            EquatableArray.Create(Dim.Of(0)), EquatableArray.Create(Dim.Of(1)), false), TensorShape.Of(4, 2));
        Assert.Equal(ShapeFailureKind.SpatialCollapse, result.Failure?.Kind);
        Assert.ThrowsAny<System.Exception>(() => nn.MaxPool1d(3).call(zeros(2, 4, 2)));
    }

    [Fact]
    public void A_negative_Unflatten_dim_is_refused_with_the_positive_one_to_write()
    {
        var result = ShapeInference.Infer(new UnflattenSpec("unflatten", -1, EquatableArray.Create(Dim.Of(4), Dim.Of(2))), TensorShape.Of(3, 8));
        Assert.Contains("write 2", result.Failure?.Message);
        Assert.ThrowsAny<System.Exception>(() => nn.Unflatten(-1, new long[] { 4, 2 }).call(zeros(2, 3, 8)));
    }

    [Fact]
    public void A_nearest_Upsample_by_scale_is_built_for_2_spatial_dimensions_and_refuses_others()
    {
        var result = ShapeInference.Infer(new UpsampleSpec("up", EquatableArray<Dim>.Empty, 2.0, 2), TensorShape.Of(3, 6));
        Assert.Equal(ShapeFailureKind.RankMismatch, result.Failure?.Kind);
        Assert.ThrowsAny<System.Exception>(() => nn.Upsample(scale_factor: new double[] { 2, 2 }).call(zeros(2, 3, 6)));
    }
}
