using NetGen.Runtime.Tests.Support;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// <see cref="OneDnn"/>, the switch PyTorch calls <c>torch.backends.mkldnn.enabled</c>: it reaches libtorch, and with
/// it off a convolution is still computed right. The class runs alone, because the switch is global to the process and
/// the other tests rely on it being off (<see cref="SuiteBackends"/>).
/// </summary>
[Collection(Name)]
public sealed class OneDnnTests
{
    public const string Name = "libtorch's oneDNN switch";

    [Fact]
    public void Enabled_reads_back_what_was_set()
    {
        Assert.Equal(SuiteBackends.OneDnnKept, OneDnn.Enabled);
        try
        {
            OneDnn.Enabled = true;
            Assert.True(OneDnn.Enabled);
            OneDnn.Enabled = false;
            Assert.False(OneDnn.Enabled);
        }
        finally
        {
            OneDnn.Enabled = SuiteBackends.OneDnnKept;
        }
    }

    [Fact]
    public void With_oneDNN_off_a_convolution_equals_the_same_convolution_written_as_a_matrix_product()
    {
        using var scope = NewDisposeScope();
        var generator = new TorchSharp.torch.Generator(14);
        var input = randn([2, 16, 12, 12], generator: generator);
        var weight = randn([32, 16, 3, 3], generator: generator);
        var bias = randn([32], generator: generator);

        var was = OneDnn.Enabled;
        OneDnn.Enabled = false;
        try
        {
            var convolved = nn.functional.conv2d(input, weight, bias, padding: [1, 1]);

            // The same arithmetic by hand: every 3x3 patch as a column, times the flattened filters.
            var patches = nn.functional.unfold(input, kernel_size: 3, padding: 1);
            var product = weight.reshape(32, -1).matmul(patches) + bias.reshape(1, 32, 1);
            var expected = product.reshape(2, 32, 12, 12);

            var difference = (convolved - expected).abs().max().item<float>();
            Assert.True(difference < 1e-4f, $"conv2d with oneDNN off differs from the matrix product by {difference}");
        }
        finally
        {
            OneDnn.Enabled = was;
        }
    }
}

[CollectionDefinition(OneDnnTests.Name, DisableParallelization = true)]
public sealed class OneDnnCollection;
