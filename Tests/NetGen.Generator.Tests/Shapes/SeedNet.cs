using NetGen.Generator.Shapes;

namespace NetGen.Generator.Tests.Shapes;

/// <summary>The seed tutorial's Net and ResNet stem as shape specs (the activations are left out).</summary>
internal static class SeedNet
{
    public static TensorShape Input { get; } = TensorShape.Of(3, 224, 224);

    public static LayerShapeSpec[] Layers(long fc1InFeatures = 64 * 54 * 54) => new LayerShapeSpec[]
    {
        ConvSpec.Conv2d("conv1", 3, 32, 3),
        PoolSpec.MaxPool2d("pool1", 2, stride: 2),
        ConvSpec.Conv2d("conv2", 32, 64, 3),
        PoolSpec.MaxPool2d("pool2", 2, stride: 2),
        new FlattenSpec("flatten"),
        new LinearSpec("fc1", fc1InFeatures, 256),
        new LinearSpec("fc2", 256, 128),
        new LinearSpec("fc3", 128, 101),
    };

    public static LayerShapeSpec[] ResNetStem { get; } =
    {
        ConvSpec.Conv2d("pre.0", 3, 64, 7, stride: 2, padding: 3),
        NormSpec.BatchNorm2d("pre.1", 64),
        new ElementwiseSpec("pre.2", ElementwiseKind.ReLU),
        PoolSpec.MaxPool2d("pre.3", 3, stride: 2, padding: 1),
    };
}
