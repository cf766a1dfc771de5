using System;
using System.Linq;
using NetGen.Runtime.Tests.SeedModels;
using NetGen.Runtime.Tests.Support;
using NetGen.Samples;
using NetGen.Vision;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.StateMap;

/// <summary>Each generated model's typed map: its schema equals PyTorch's manifest, entry by entry and in order.</summary>
public sealed class GeneratedStateSchemaTests
{
    [Theory]
    [InlineData("net")]
    [InlineData("seed_block")]
    [InlineData("resnet34")]
    [InlineData("net32")]
    [InlineData("resnet34_narrow")]
    public void The_schema_of_each_seed_model_equals_the_PyTorch_manifest_in_order(string fixture)
    {
        using var model = SeedModelCases.Create(fixture);
        AssertSchemaEqualsManifest((IStateSchema)model, PyTorchFixtures.Manifest(fixture));
    }

    [Fact]
    public void The_schema_of_each_torchvision_model_equals_the_PyTorch_manifest_in_order()
    {
        using var squeezenet = new SqueezeNet();
        AssertSchemaEqualsManifest(squeezenet, PyTorchFixtures.Manifest("squeezenet1_0", "torchvision"));
        using var mobilenet = new MobileNetV2();
        AssertSchemaEqualsManifest(mobilenet, PyTorchFixtures.Manifest("mobilenet_v2", "torchvision"));
    }

    [Fact]
    public void Key_constants_name_the_entries_the_model_registers()
    {
        using var model = new ResNet34(10, 8, 8, 16, 32, 32);
        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Equal("layer1.0.left.1.running_mean", ResNet34.Keys.layer1._0.left._1.running_mean);
        Assert.Equal("layer1.0.right.0.weight", ResNet34.Keys.layer1._0.right._0.weight);
        Assert.Equal("fc.weight", ResNet34.Keys.fc.weight);
        Assert.Equal("layer2", ResNet34.Keys.layer2.Prefix);
        foreach (var key in new[] { ResNet34.Keys.pre._0.weight, ResNet34.Keys.layer4._2.left._4.num_batches_tracked, ResNet34.Keys.fc.bias, Net.Keys.fc3.weight.Replace("fc3", "fc") })
        {
            Assert.Contains(key, keys);
        }

        Assert.Equal("0.weight", SeedBlock.Keys._0.weight);
    }

    [Fact]
    public void The_schema_follows_the_hyperparameters_of_the_instance()
    {
        using var wide = new Net(numClasses: 101);
        using var narrow = new Net(flat: 64 * 6 * 6, numClasses: 10);

        Assert.Equal(new long[] { 101, 128 }, wide.StateSchema.Single(e => e.Key == Net.Keys.fc3.weight).Shape);
        Assert.Equal(new long[] { 10, 128 }, narrow.StateSchema.Single(e => e.Key == Net.Keys.fc3.weight).Shape);
        Assert.Equal(new long[] { 256, 2304 }, narrow.StateSchema.Single(e => e.Key == Net.Keys.fc1.weight).Shape);
        using var withProjection = new ResidualBlock(4, 8, 2, projection: true);
        using var without = new ResidualBlock(8, 8);
        Assert.Contains(withProjection.StateSchema, e => e.Key == ResidualBlock.Keys.right._0.weight);
        Assert.DoesNotContain(without.StateSchema, e => e.Key.StartsWith(ResidualBlock.Keys.right.Prefix, StringComparison.Ordinal));
    }

    private static void AssertSchemaEqualsManifest(IStateSchema model, PyTorchManifest manifest)
    {
        var schema = model.StateSchema;
        Assert.Equal(manifest.Entries.Select(e => e.Key), schema.Select(e => e.Key));
        for (var i = 0; i < schema.Count; i++)
        {
            var (key, shape, dtype) = manifest.Entries[i];
            Assert.True(shape.SequenceEqual(schema[i].Shape), $"{key}: PyTorch [{string.Join(", ", shape)}], schema {schema[i]}");
            Assert.Equal(dtype == "int64" ? ScalarType.Int64 : ScalarType.Float32, schema[i].DType);
            var isBuffer = key.EndsWith("running_mean") || key.EndsWith("running_var") || key.EndsWith("num_batches_tracked");
            Assert.Equal(isBuffer ? StateEntryKind.Buffer : StateEntryKind.Parameter, schema[i].Kind);
        }

        // The runtime cross-checks the schema against what the module registers; it must agree.
        Assert.Equal(schema.Count, ((nn.Module)model).DescribeState().Count);
    }
}
