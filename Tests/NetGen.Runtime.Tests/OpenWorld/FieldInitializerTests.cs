using System;
using System.Linq;
using NetGen.Runtime.Tests.OpenWorld.Models;
using NetGen.Runtime.Tests.StateDict;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld;

/// <summary>
/// Models written the TorchSharp way, every layer in a readonly field built by <c>nn.Linear(…)</c>, <c>nn.Conv2d(…)</c>
/// and so on, with a hand-written forward: NetGen reads the initializers at compile time. What it computed from them
/// must be what the live modules are, row by row.
/// </summary>
public sealed class FieldInitializerTests(ITestOutputHelper output)
{
    [Fact]
    public void Every_row_of_a_model_built_in_field_initializers_matches_the_live_module()
    {
        var summary = FieldZoo.Summary;
        output.WriteLine(summary.ToString());
        using var model = new FieldZoo();
        model.eval();
        using var scope = NewDisposeScope();

        // The forward calls the fields in declaration order, which is their registration order.
        var x = randn(2, 3, 16, 16);
        foreach (var (name, child) in model.named_children())
        {
            x = ((nn.Module<Tensor, Tensor>)child).call(x);
            var row = summary.Rows.Single(r => r.Path == name);
            Assert.Equal(x.shape.Skip(1).ToArray(), row.OutputShape!);
            Assert.Equal(child.parameters().Sum(p => p.numel()), row.Parameters);
        }

        Assert.Equal(12, summary.Rows.Count(r => r.Depth == 0));
        Assert.Equal(model.parameters().Sum(p => p.numel()), summary.TotalParameters);
        Assert.Equal(x.shape, model.call(randn(2, 3, 16, 16)).shape);
    }

    /// <summary>The PyTorch tutorial's LeNet, ported line by line: counted at compile time, and its keys are typed.</summary>
    [Fact]
    public void The_tutorials_lenet_written_with_fields_is_counted_and_keyed_at_compile_time()
    {
        var summary = FieldLeNet.Summary;
        var text = summary.ToString();
        output.WriteLine(text);
        using var model = new FieldLeNet();
        using var logits = model.call(randn(4, 1, 32, 32));

        Assert.Equal(model.parameters().Sum(p => p.numel()), summary.TotalParameters);
        Assert.Equal(61_706, summary.TotalParameters);
        Assert.Equal([10L], summary.Rows.Single(r => r.Path == "fc3").OutputShape!);
        Assert.Equal([4L, 10L], logits.shape);
        Assert.Contains("Total params: 61,706", text, StringComparison.Ordinal);
        Assert.DoesNotContain("not a NetGen layer", text, StringComparison.Ordinal);

        var keys = model.state_dict().Keys.ToHashSet();
        Assert.Contains(FieldLeNet.Keys.fc1.weight, keys);
        Assert.Contains(FieldLeNet.Keys.conv2.bias, keys);
    }

    /// <summary>
    /// The seed's Net written the PyTorch way, with its forward assigning <c>x</c> (which NetGen once misread as an error):
    /// checked and counted at compile time, and PyTorch's own checkpoint loads into it strictly and gives PyTorch's output.
    /// </summary>
    [Fact]
    public void The_seeds_net_ported_line_by_line_loads_the_pytorch_checkpoint_and_reproduces_its_output()
    {
        using var model = new FieldSeedNet();
        model.eval();

        var report = model.LoadCheckpoint(Fixtures.PyTorch("net32.pt"));
        var io = Checkpoint.ReadAll(Fixtures.PyTorch("net32.io.pt"));
        using var noGrad = no_grad();
        using var result = model.call(io["x"]);

        Assert.True(report.IsComplete, report.ToString());
        var maxDiff = (result - io["y"]).abs().max().item<float>();
        Assert.True(maxDiff <= 1e-5, $"max abs diff {maxDiff}");
        Assert.Equal(model.parameters().Sum(p => p.numel()), FieldSeedNet.Summary.TotalParameters);
        Assert.Equal([10L], FieldSeedNet.Summary.Rows.Single(r => r.Path == "fc3").OutputShape!);
    }

    /// <summary>TorchSharp's own MNIST example, its fields typed <c>Module&lt;Tensor, Tensor&gt;</c>: every row is known at compile time.</summary>
    [Fact]
    public void TorchSharps_mnist_example_is_counted_row_by_row_at_compile_time()
    {
        var summary = ExamplesMnist.Summary;
        output.WriteLine(summary.ToString());
        using var model = new ExamplesMnist();
        using var logits = model.call(randn(2, 1, 28, 28));

        AssertCountedAsLive(summary, model, model.named_children());
        Assert.Equal([10L], summary.Rows.Single(r => r.Path == "logsm").OutputShape!);
        Assert.Equal([2L, 10L], logits.shape);
    }

    /// <summary>
    /// TorchSharp's AlexNet example, its layers in two Sequentials built in field initializers: every child is a row at
    /// compile time, with the live module's parameters, and its keys are typed.
    /// </summary>
    [Fact]
    public void Sequentials_built_in_field_initializers_are_counted_child_by_child_and_keyed()
    {
        var summary = ExamplesAlexNet.Summary;
        output.WriteLine(summary.ToString());
        using var model = new ExamplesAlexNet();
        model.eval();
        using var logits = model.call(randn(2, 3, 32, 32));

        var children = model.named_modules().Where(m => m.name.Contains('.', StringComparison.Ordinal)).ToList();
        Assert.Equal(20, children.Count);
        AssertCountedAsLive(summary, model, children);
        Assert.Equal([256L, 2L, 2L], summary.Rows.Single(r => r.Path == "features.mp3").OutputShape!);
        Assert.Equal([10L], summary.Rows.Single(r => r.Path == "classifier").OutputShape!);
        Assert.Equal([2L, 10L], logits.shape);
        var keys = model.state_dict().Keys.ToHashSet();
        Assert.Contains(ExamplesAlexNet.Keys.features.c5.weight, keys);
        Assert.Contains(ExamplesAlexNet.Keys.classifier._6.bias, keys);
    }

    /// <summary>
    /// DCGAN's generator, its transposed convolutions taking stride and padding by position: NetGen reads them where the
    /// factory's parameter names say what each position is, and every row matches the live module.
    /// </summary>
    [Fact]
    public void Transposed_convolutions_with_positional_arguments_are_counted_and_shaped_at_compile_time()
    {
        var summary = FieldDcganGenerator.Summary;
        output.WriteLine(summary.ToString());
        using var model = new FieldDcganGenerator();
        model.eval();
        using var scope = NewDisposeScope();

        var x = randn(2, 100).view(-1, 100, 1, 1);
        foreach (var (name, module) in model.named_modules().Where(m => m.name.StartsWith("main.", StringComparison.Ordinal)))
        {
            x = ((nn.Module<Tensor, Tensor>)module).call(x);
            var row = summary.Rows.Single(r => r.Path == name);
            Assert.Equal(x.shape.Skip(1).ToArray(), row.OutputShape!);
            Assert.Equal(module.parameters().Sum(p => p.numel()), row.Parameters);
        }

        Assert.Equal(model.parameters().Sum(p => p.numel()), summary.TotalParameters);
        Assert.Equal([2L, 1L, 16L, 16L], model.call(randn(2, 100)).shape);
    }

    /// <summary>
    /// NetGen blocks built with <c>new</c> in fields, one alone and two in a Sequential: counted as the blocks they are, their
    /// keys typed, and the model runs in float32 and float64.
    /// </summary>
    [Fact]
    public void Blocks_built_in_fields_are_counted_and_keyed_as_blocks()
    {
        var summary = FieldBlockNet.Summary;
        output.WriteLine(summary.ToString());
        using var model = new FieldBlockNet();
        model.eval();
        using var scope = NewDisposeScope();

        AssertCountedAsLive(summary, model, model.named_modules().Where(m => m.name.Length > 0));
        Assert.Equal([16L, 4L, 4L], summary.Rows.Single(r => r.Path == "down.1").OutputShape!);
        var keys = model.state_dict().Keys.ToHashSet();
        Assert.Contains(FieldBlockNet.Keys.body.conv._1.running_mean, keys);
        Assert.Contains(FieldBlockNet.Keys.down._1.conv._0.weight, keys);

        var input = randn(2, 3, 16, 16);
        var single = model.call(input);
        model.to(float64);
        var twice = model.call(input.to(float64));
        Assert.Equal(ScalarType.Float64, twice.dtype);
        Assert.True((single.to(float64) - twice).abs().max().item<double>() < 1e-5);
    }

    /// <summary>
    /// ModuleLists built in fields, one of NetGen blocks walked by index and one of layers walked by <c>foreach</c>: every
    /// child counted as the live module is, its keys typed, and the forward's shapes the live ones.
    /// </summary>
    [Fact]
    public void Module_lists_built_in_fields_are_counted_and_keyed_child_by_child()
    {
        var summary = FieldModuleListNet.Summary;
        output.WriteLine(summary.ToString());
        using var model = new FieldModuleListNet();
        model.eval();
        using var scope = NewDisposeScope();

        AssertCountedAsLive(summary, model, model.named_modules().Where(m => m.name.Length > 0));
        Assert.Equal([4L], summary.Rows.Single(r => r.Path == "head").OutputShape!);
        var keys = model.state_dict().Keys.ToHashSet();
        Assert.Contains(FieldModuleListNet.Keys.stages._1.conv._1.running_var, keys);
        Assert.Contains(FieldModuleListNet.Keys.mlp._3.weight, keys);
        Assert.Equal([2L, 4L], model.call(randn(2, 16, 8, 8)).shape);
    }

    /// <summary>
    /// A class token and a position table in Parameter fields, made from tensors of constant sizes: counted at compile time
    /// as the live parameters are, keyed, and the forward checked through them.
    /// </summary>
    [Fact]
    public void Parameter_fields_of_constant_sizes_are_counted_and_keyed()
    {
        var summary = FieldTokenNet.Summary;
        output.WriteLine(summary.ToString());
        using var model = new FieldTokenNet();
        model.eval();
        using var scope = NewDisposeScope();

        var live = model.named_parameters().ToDictionary(p => p.name, p => p.parameter.numel());
        Assert.Equal(live["pos"], summary.Rows.Single(r => r.Path == "pos").Parameters);
        Assert.Equal(live["cls"], summary.Rows.Single(r => r.Path == "cls").Parameters);
        Assert.Equal([1L, 17L, 32L], summary.Rows.Single(r => r.Path == "pos").OutputShape!);
        Assert.Equal(model.parameters().Sum(p => p.numel()), summary.TotalParameters);
        Assert.Contains(FieldTokenNet.Keys.pos, model.state_dict().Keys);
        Assert.Equal([3L, 4L], model.call(randn(3, 16, 32)).shape);
    }

    /// <summary>Sequentials nested in a Sequential and in a ModuleList: every module counted as the live one is, and keyed.</summary>
    [Fact]
    public void Nested_sequentials_in_fields_are_counted_and_keyed_level_by_level()
    {
        var summary = FieldNestedNet.Summary;
        output.WriteLine(summary.ToString());
        using var model = new FieldNestedNet();
        model.eval();
        using var scope = NewDisposeScope();

        AssertCountedAsLive(summary, model, model.named_modules().Where(m => m.name.Length > 0));
        Assert.Equal([64L, 32L], summary.Rows.Single(r => r.Path == "mixers.1.2").OutputShape!);
        var keys = model.state_dict().Keys.ToHashSet();
        Assert.Contains(FieldNestedNet.Keys.features.block1._1.running_mean, keys);
        Assert.Contains(FieldNestedNet.Keys.mixers._1._2.weight, keys);
        Assert.Equal([2L, 10L], model.call(randn(2, 3, 16, 16)).shape);
    }

    /// <summary>Each of <paramref name="modules"/> has its live parameter count in its summary row, and the model its total.</summary>
    private static void AssertCountedAsLive(ModelSummary summary, nn.Module model, System.Collections.Generic.IEnumerable<(string name, nn.Module module)> modules)
    {
        foreach (var (name, module) in modules)
        {
            Assert.Equal(module.parameters().Sum(p => p.numel()), summary.Rows.Single(r => r.Path == name).Parameters);
        }

        Assert.Equal(model.parameters().Sum(p => p.numel()), summary.TotalParameters);
    }
}
