using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using NetGen.Runtime.Tests.Initialization.Support;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Initialization
{
    /// <summary>
    /// Fan-in and fan-out of real TorchSharp layers' weights against PyTorch's for the same layers
    /// (Fixtures/init/fans.json). The weight shapes are compared too, which pins down that TorchSharp lays
    /// transposed and grouped convolutions out as PyTorch does: [in, out/groups, k…] and [out, in/groups, k…].
    /// </summary>
    public sealed class FanTests
    {
        public static IEnumerable<object[]> PyTorchLayers() =>
            InitFixtures.Rows("fans").Select(r => new object[] { r.GetRawText() });

        [Theory]
        [MemberData(nameof(PyTorchLayers))]
        public void Fans_equal_PyTorch(string row)
        {
            var r = JsonDocument.Parse(row).RootElement;
            string layer = r.GetProperty("layer").GetString()!;
            long cin = r.GetProperty("in").GetInt64(), cout = r.GetProperty("out").GetInt64(), groups = r.GetProperty("groups").GetInt64();
            long[] k = layer == "Linear" ? [] : InitFixtures.Longs(r.GetProperty("kernel"));

            using var module = Build(layer, cin, cout, k, groups);
            var weight = module.get_parameter("weight")!;

            Assert.Equal(InitFixtures.Longs(r.GetProperty("weight_shape")), weight.shape);
            var (fanIn, fanOut) = Initializers.calculate_fan_in_and_fan_out(weight);
            Assert.Equal(r.GetProperty("fan_in").GetInt64(), fanIn);
            Assert.Equal(r.GetProperty("fan_out").GetInt64(), fanOut);
        }

        [Fact]
        public void Fixture_covers_linear_conv1d_conv2d_and_grouped_conv_transpose2d()
        {
            var rows = InitFixtures.Rows("fans");
            foreach (var layer in new[] { "Linear", "Conv1d", "Conv2d", "ConvTranspose2d" })
                Assert.Contains(rows, r => r.GetProperty("layer").GetString() == layer);
            Assert.Contains(rows, r => r.GetProperty("layer").GetString() == "ConvTranspose2d" && r.GetProperty("groups").GetInt64() > 1);
            Assert.Contains(rows, r => r.GetProperty("layer").GetString() == "Conv2d" && r.GetProperty("groups").GetInt64() > 1);
        }

        [Fact]
        public void One_dimensional_tensor_has_no_fans()
        {
            using var bias = zeros(10);
            var e = Assert.Throws<ArgumentException>(() => Initializers.calculate_fan_in_and_fan_out(bias));
            Assert.Contains("fewer than 2 dimensions", e.Message);
        }

        private static nn.Module Build(string layer, long cin, long cout, long[] k, long groups) => layer switch
        {
            "Linear" => nn.Linear(cin, cout),
            "Conv1d" => nn.Conv1d(cin, cout, k[0], groups: groups),
            "Conv2d" => nn.Conv2d(cin, cout, Pair(k), groups: groups),
            "Conv3d" => nn.Conv3d(cin, cout, (k[0], k[1], k[2]), groups: groups),
            "ConvTranspose1d" => nn.ConvTranspose1d(cin, cout, k[0], groups: groups),
            "ConvTranspose2d" => nn.ConvTranspose2d(cin, cout, Pair(k), groups: groups),
            _ => throw new ArgumentException($"No builder for {layer}"),
        };

        private static (long, long) Pair(long[] k) => k.Length == 1 ? (k[0], k[0]) : (k[0], k[1]);
    }
}
