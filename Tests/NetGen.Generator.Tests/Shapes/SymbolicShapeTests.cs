using System.Linq;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Tests.Shapes;

/// <summary>Unknown and symbolic sizes: never an error, checked once bound.</summary>
public class SymbolicShapeTests
{
    private static readonly Dim InChannels = Dim.Named("in_channels");
    private static readonly Dim OutChannels = Dim.Named("out_channels");
    private static readonly Dim Stride = Dim.Named("stride");

    /// <summary>The seed's ResidualBlock left path: conv3x3(stride) + BN + ReLU + conv3x3 + BN.</summary>
    private static readonly LayerShapeSpec[] BlockLeft =
    {
        ConvSpec.Conv2d("left.0", InChannels, OutChannels, 3, stride: Stride, padding: 1),
        NormSpec.BatchNorm2d("left.1", OutChannels),
        new ElementwiseSpec("left.2", ElementwiseKind.ReLU),
        ConvSpec.Conv2d("left.3", OutChannels, OutChannels, 3, padding: 1),
        NormSpec.BatchNorm2d("left.4", OutChannels),
    };

    private static readonly TensorShape BlockInput = TensorShape.Of(InChannels, Dim.Unknown, Dim.Unknown);

    [Fact]
    public void Default_dim_is_unknown_and_unknowns_never_compare_equal_or_different()
    {
        Assert.True(default(Dim).IsUnknown);
        Assert.Equal(DimMatch.Undetermined, Dim.Unknown.Match(Dim.Unknown));
        Assert.Equal(DimMatch.Undetermined, Dim.Unknown.Match(3));
        Assert.Equal(DimMatch.Undetermined, Dim.Named("C").Match(3));
        Assert.Equal(DimMatch.Undetermined, Dim.Named("C").Match(Dim.Named("D")));
        Assert.Equal(DimMatch.Equal, Dim.Named("C").Match(Dim.Named("C")));
        Assert.Equal(DimMatch.Different, Dim.Of(3).Match(4));
        Assert.True((Dim.Named("C") * 7).IsUnknown);
    }

    [Fact]
    public void Unknown_spatial_sizes_give_unknown_outputs_and_no_error()
    {
        ShapeResult result = ShapeInference.Infer(ConvSpec.Conv2d("conv1", 3, 32, 3), TensorShape.Of(3, Dim.Unknown, Dim.Unknown));

        Assert.True(result.IsSuccess);
        Assert.Equal(TensorShape.Of(32, Dim.Unknown, Dim.Unknown), result.Shape);
        Assert.Equal("32×?×?", result.Shape!.ToString());
    }

    [Fact]
    public void Unknown_received_channels_are_noted_not_reported()
    {
        ShapeResult result = ShapeInference.Infer(ConvSpec.Conv2d("conv1", 32, 64, 3), TensorShape.Of(Dim.Unknown, 8, 8));

        Assert.True(result.IsSuccess);
        Assert.Equal(TensorShape.Of(64, 6, 6), result.Shape);
        Assert.Equal("conv1: input channels 32 not checked against the received ?", Assert.Single(result.Unchecked));
    }

    [Fact]
    public void An_omitted_in_channels_is_taken_from_the_input_with_nothing_left_unchecked()
    {
        ShapeResult result = ShapeInference.Infer(ConvSpec.Conv2d("conv1", Dim.Unknown, 32, 3), SeedNet.Input);

        Assert.True(result.IsFullyChecked);
        Assert.Equal(TensorShape.Of(32, 222, 222), result.Shape);
    }

    [Fact]
    public void A_block_with_symbolic_hyperparameters_has_no_error_and_keeps_its_symbols()
    {
        SequenceResult result = ShapeInference.InferSequence(BlockInput, BlockLeft);

        Assert.True(result.IsSuccess);
        Assert.Equal(TensorShape.Of(OutChannels, Dim.Unknown, Dim.Unknown), result.Output);
        Assert.Equal("in_channels×?×? →left.0 k3 /stride p1→ out_channels×?×? →left.1→ out_channels×?×? →left.2→ out_channels×?×? " +
            "→left.3 k3 p1→ out_channels×?×? →left.4→ out_channels×?×?", result.Chain.ToString());
        Assert.Empty(result.Unchecked); // the same symbol on both sides of every channel check is a match
    }

    [Fact]
    public void Binding_the_block_at_a_use_site_gives_concrete_shapes()
    {
        ShapeBindings bindings = ShapeBindings.Empty.With("in_channels", 64).With("out_channels", 128).With("stride", 2);

        SequenceResult result = ShapeInference.InferSequence(TensorShape.Of(64, 56, 56), BlockLeft, bindings);

        Assert.True(result.IsSuccess);
        Assert.Equal(TensorShape.Of(128, 28, 28), result.Output);
        Assert.Empty(result.Unchecked);
    }

    [Fact]
    public void A_block_used_with_channels_that_do_not_fit_its_input_fails_at_its_first_layer()
    {
        ShapeBindings bindings = ShapeBindings.Empty.With("in_channels", 64).With("out_channels", 128).With("stride", 2);

        SequenceResult result = ShapeInference.InferSequence(TensorShape.Of(32, 56, 56), BlockLeft, bindings);

        Assert.Equal(0, result.FailedIndex);
        Assert.Equal(ShapeFailureKind.ChannelMismatch, result.Failure!.Kind);
        Assert.Equal("left.0 expects 64 input channels but receives 32", result.Failure.Message);
        Assert.Equal(("32", "64"), (result.Failure.Expected, result.Failure.Actual));
    }

    [Fact]
    public void A_symbolic_input_shape_is_bound_with_the_layers()
    {
        TensorShape input = TensorShape.Of(Dim.Named("C"), Dim.Named("H"), Dim.Named("W"));
        ShapeBindings bindings = ShapeBindings.Of(new[] { new SymbolBinding("C", 3), new SymbolBinding("H", 32), new SymbolBinding("W", 32) });

        Assert.Equal(TensorShape.Of(3, 32, 32), input.Bind(bindings));
        Assert.Equal(TensorShape.Of(8, 30, 30), ShapeInference.Infer(ConvSpec.Conv2d("c", Dim.Named("C"), 8, 3), input, bindings).Shape);
        Assert.Equal(TensorShape.Of(8, Dim.Unknown, Dim.Unknown), ShapeInference.Infer(ConvSpec.Conv2d("c", Dim.Named("C"), 8, 3), input).Shape);
    }

    [Fact]
    public void A_residual_add_of_symbolic_branches_is_unchecked_until_bound_then_reports_both_shapes()
    {
        TensorShape left = ShapeInference.InferSequence(BlockInput, BlockLeft).Output;

        ShapeResult symbolic = MergeShapes.Add("add", left, BlockInput);
        Assert.True(symbolic.IsSuccess);
        Assert.NotEmpty(symbolic.Unchecked);

        ShapeBindings projectionNeeded = ShapeBindings.Empty.With("in_channels", 64).With("out_channels", 128).With("stride", 2);
        TensorShape input = TensorShape.Of(64, 56, 56);
        TensorShape boundLeft = ShapeInference.InferSequence(input, BlockLeft, projectionNeeded).Output;
        ShapeFailure failure = MergeShapes.Add("add", boundLeft, input).Failure!;
        Assert.Equal(ShapeFailureKind.AddShapeMismatch, failure.Kind);
        Assert.Equal(("128×28×28", "64×56×56"), (failure.Expected, failure.Actual));
        Assert.Contains("128×28×28", failure.Message);
        Assert.Contains("64×56×56", failure.Message);

        ShapeBindings identityFits = ShapeBindings.Empty.With("in_channels", 64).With("out_channels", 64).With("stride", 1);
        TensorShape fitting = ShapeInference.InferSequence(input, BlockLeft, identityFits).Output;
        Assert.Equal(ShapeResult.Success(input), MergeShapes.Add("add", fitting, input));
    }

    [Fact]
    public void Symbolic_groups_are_checked_once_bound()
    {
        ConvSpec depthwise = ConvSpec.Conv2d("conv", 64, 64, 3, groups: Dim.Named("g"));
        TensorShape input = TensorShape.Of(64, 8, 8);

        ShapeResult open = ShapeInference.Infer(depthwise, input);
        Assert.True(open.IsSuccess);
        Assert.Contains(open.Unchecked, n => n.Contains("groups g"));
        Assert.Equal("conv: groups 3 do not divide 64 input channels",
            ShapeInference.Infer(depthwise, input, ShapeBindings.Empty.With("g", 3)).Failure!.Message);
        Assert.True(ShapeInference.Infer(depthwise, input, ShapeBindings.Empty.With("g", 4)).IsFullyChecked);
    }

    [Fact]
    public void A_symbolic_in_features_after_a_symbolic_flatten_is_noted_then_checked()
    {
        LayerShapeSpec[] head = { new FlattenSpec("flatten"), new LinearSpec("fc", Dim.Named("features"), 10) };
        TensorShape input = TensorShape.Of(Dim.Named("C"), 7, 7);

        SequenceResult open = ShapeInference.InferSequence(input, head);
        Assert.True(open.IsSuccess);
        Assert.Equal(TensorShape.Of(10), open.Output);
        Assert.Equal("fc: in_features features not checked against the received ?", Assert.Single(open.Unchecked));

        var fits = ShapeBindings.Empty.With("C", 512).With("features", 512 * 7 * 7);
        Assert.True(ShapeInference.InferSequence(input, head, fits).IsSuccess);
        var wrong = ShapeBindings.Empty.With("C", 512).With("features", 2048);
        Assert.Equal("fc: Linear in_features 2048 ≠ flattened 25088", ShapeInference.InferSequence(input, head, wrong).Failure!.Message);
    }

    [Fact]
    public void An_unknown_rank_flows_through_every_layer_without_error()
    {
        LayerShapeSpec[] everything =
        {
            ConvSpec.Conv1d("c1", 3, 8, 3), ConvSpec.Conv2d("c2", 3, 8, 3), ConvSpec.ConvTranspose2d("t", 3, 8, 3),
            PoolSpec.MaxPool2d("mp", 2), PoolSpec.AvgPool2d("ap", 2), AdaptivePoolSpec.AdaptiveAvgPool2d("gap", 1),
            new FlattenSpec("f", 2), new LinearSpec("fc", 4, 2), new EmbeddingSpec("e", 10, 4),
            NormSpec.BatchNorm1d("b1", 3), NormSpec.BatchNorm2d("b2", 3), NormSpec.GroupNorm("g", 1, 3),
            new LayerNormSpec("ln", new Dim[] { 4 }), new ElementwiseSpec("s", ElementwiseKind.Softmax, 1),
        };

        foreach (LayerShapeSpec layer in everything)
        {
            ShapeResult result = ShapeInference.Infer(layer, TensorShape.UnknownRank);
            Assert.True(result.IsSuccess, $"{layer.Name}: {result}");
            Assert.False(result.Shape!.IsRankKnown, layer.Name);
        }

        Assert.Equal(TensorShape.Of(Dim.Unknown), ShapeInference.Infer(new FlattenSpec("f"), TensorShape.UnknownRank).Shape);
        Assert.True(MergeShapes.Add("add", TensorShape.UnknownRank, TensorShape.Of(3, 4)).IsSuccess);
        Assert.True(MergeShapes.Concat("cat", new[] { TensorShape.UnknownRank, TensorShape.Of(3, 4) }, 1).IsSuccess);
    }

    [Fact]
    public void Arguments_that_are_wrong_whatever_the_input_are_still_errors_when_the_input_is_unknown()
    {
        Assert.Equal(ShapeFailureKind.InvalidArgument,
            ShapeInference.Infer(PoolSpec.MaxPool2d("pool", 2, padding: 2), TensorShape.UnknownRank).Failure!.Kind);
        Assert.Equal(ShapeFailureKind.GroupsDoNotDivide,
            ShapeInference.Infer(NormSpec.GroupNorm("gn", 3, 64), TensorShape.UnknownRank).Failure!.Kind);
        Assert.Equal(ShapeFailureKind.InvalidArgument,
            ShapeInference.Infer(ConvSpec.Conv2d("c", 3, 3, 3, stride: 2, padding: ConvPadding.Same), TensorShape.UnknownRank).Failure!.Kind);
    }

    [Fact]
    public void Concat_adds_the_concatenated_sizes_and_keeps_unknowns_unknown()
    {
        ShapeResult known = MergeShapes.Concat("cat", new[] { TensorShape.Of(64, 28, 28), TensorShape.Of(32, 28, 28) }, 1);
        Assert.Equal(TensorShape.Of(96, 28, 28), known.Shape);

        ShapeResult open = MergeShapes.Concat("cat", new[] { TensorShape.Of(64, Dim.Unknown, 28), TensorShape.Of(Dim.Named("C"), 28, 28) }, 1);
        Assert.True(open.IsSuccess);
        Assert.Equal(TensorShape.Of(Dim.Unknown, 28, 28), open.Shape);

        ShapeFailure failure = MergeShapes.Concat("cat", new[] { TensorShape.Of(64, 28, 28), TensorShape.Of(32, 14, 14) }, 1).Failure!;
        Assert.Equal(ShapeFailureKind.ConcatShapeMismatch, failure.Kind);
        Assert.Equal("cat: cannot concatenate 64×28×28 and 32×14×14 along dim 1: sizes differ in dim 2 (28 vs 14)", failure.Message);
    }
}
