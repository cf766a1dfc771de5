using System.Linq;
using NetGen.Runtime.Tests.Support;

namespace NetGen.Runtime.Tests.SeedModels;

/// <summary>The generated models' state dicts have exactly PyTorch's keys and shapes.</summary>
public sealed class StateDictManifestTests
{
    [Theory]
    [InlineData("net")]
    [InlineData("seed_block")]
    [InlineData("resnet34")]
    [InlineData("net32")]
    [InlineData("resnet34_narrow")]
    public void Keys_and_shapes_equal_the_PyTorch_manifest(string fixture)
    {
        var manifest = PyTorchFixtures.Manifest(fixture);
        using var model = SeedModelCases.Create(fixture);

        var actual = model.state_dict().ToDictionary(e => e.Key, e => e.Value.shape);
        var expected = manifest.Entries.ToDictionary(e => e.Key, e => e.Shape);

        Assert.Equal(expected.Keys.OrderBy(k => k), actual.Keys.OrderBy(k => k));
        foreach (var (key, shape) in expected)
        {
            Assert.True(shape.SequenceEqual(actual[key]), $"{key}: PyTorch [{string.Join(", ", shape)}], NetGen [{string.Join(", ", actual[key])}]");
        }

        Assert.Equal(manifest.Parameters, model.parameters().Sum(p => p.numel()));
    }
}
