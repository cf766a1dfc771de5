using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Tests.Shapes;

/// <summary>Shapes, specs and results are values, so incremental-generator models holding them cache.</summary>
public class ShapeValueEqualityTests
{
    [Fact]
    public void Separately_built_specs_shapes_and_results_are_equal_with_equal_hashes()
    {
        AssertValueEqual(TensorShape.Of(3, 224, 224), TensorShape.Of(new Dim[] { 3, 224, 224 }));
        AssertValueEqual(ConvSpec.Conv2d("c", Dim.Named("in"), 64, 3, padding: ConvPadding.Same),
            ConvSpec.Conv2d("c", Dim.Named("in"), 64, 3, padding: ConvPadding.Same));
        AssertValueEqual(PoolSpec.MaxPool2d("p", 3, 2, 1), PoolSpec.MaxPool2d("p", 3, 2, 1));
        AssertValueEqual(new AdaptivePoolSpec("a", null, 7), new AdaptivePoolSpec("a", null, 7));
        AssertValueEqual(new LayerNormSpec("ln", new Dim[] { 4, 5 }), new LayerNormSpec("ln", new Dim[] { 4, 5 }));
        AssertValueEqual(ShapeBindings.Empty.With("a", 1).With("b", 2), ShapeBindings.Empty.With("b", 2).With("a", 1));

        ShapeResult Run() => ShapeInference.Infer(ConvSpec.Conv2d("c", 32, 64, 3), TensorShape.Of(Dim.Unknown, 8, 8));
        AssertValueEqual(Run(), Run());
        SequenceResult Seq() => ShapeInference.InferSequence(SeedNet.Input, SeedNet.Layers(64 * 55 * 55));
        AssertValueEqual(Seq(), Seq());
    }

    [Fact]
    public void Different_values_are_not_equal()
    {
        Assert.NotEqual(TensorShape.Of(3, 224, 224), TensorShape.Of(3, 224, 225));
        Assert.NotEqual(TensorShape.Of(3), TensorShape.UnknownRank);
        Assert.NotEqual(Dim.Named("C"), Dim.Of(0));
        Assert.NotEqual(Dim.Unknown, Dim.Of(0));
        Assert.NotEqual(ConvSpec.Conv2d("c", 3, 64, 3), ConvSpec.Conv2d("c", 3, 64, 3, stride: 2));
        Assert.NotEqual<LayerShapeSpec>(PoolSpec.MaxPool2d("p", 2), PoolSpec.AvgPool2d("p", 2));
    }

    [Fact]
    public void Equatable_array_compares_elements_treats_default_as_empty_and_copies_its_input()
    {
        Assert.Equal(EquatableArray<Dim>.Empty, default(EquatableArray<Dim>));
        Assert.Equal(EquatableArray<Dim>.Empty.GetHashCode(), default(EquatableArray<Dim>).GetHashCode());
        Assert.Equal(EquatableArray.Create<Dim>(1, 2), EquatableArray.Create<Dim>(1, 2));
        Assert.NotEqual(EquatableArray.Create<Dim>(1, 2), EquatableArray.Create<Dim>(2, 1));

        Dim[] source = { 1, 2 };
        EquatableArray<Dim> array = source;
        source[0] = 9;
        Assert.Equal(Dim.Of(1), array[0]);
    }

    private static void AssertValueEqual<T>(T a, T b)
        where T : class
    {
        Assert.NotSame(a, b);
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
    }
}
