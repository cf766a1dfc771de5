using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Wiring;

/// <summary>Named children of a Sequential (<c>Name = "conv0"</c>), as <c>nn.Sequential(OrderedDict(...))</c> names them.</summary>
public sealed class NamedChildTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    [Fact]
    public void Named_children_of_a_Sequential_member_have_their_names_as_keys_and_the_others_their_position()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = [3, 32, 32])]
            public partial class Stem : nn.Module<Tensor, Tensor>
            {
                public partial Stem(bool norm = true);

                [Conv2d(3, 16, 7, Stride = 2, Padding = 3, Bias = false, Name = "conv0"), BatchNorm2d(16, Name = "norm0", When = "norm")]
                [ReLU(Inplace = true), MaxPool2d(3, Stride = 2, Padding = 1, Name = "pool0")]
                public partial Sequential features { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Stem.g.cs");
        Assert.Contains("{ this.__f_features.append(\"conv0\", global::TorchSharp.torch.nn.Conv2d(", code);
        // The unnamed ReLU is named str(len(self)): 2 with the BatchNorm, as nn.Sequential.append names it.
        Assert.Contains("row\\tfeatures.conv0\\tConv2d\\t1\\t16,16,16\\t2352\\t", code);
        Assert.Contains("row\\tfeatures.norm0\\tBatchNorm2d\\t1\\t16,16,16\\t32\\t", code);
        Assert.Contains("row\\tfeatures.2\\tReLU\\t1\\t16,16,16\\t", code);
        Assert.Contains("row\\tfeatures.pool0\\tMaxPool2d\\t1\\t16,8,8\\t", code);
    }

    [Fact]
    public void Named_children_of_a_fixed_Sequential_get_typed_keys()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = [8, 16, 16])]
            [BatchNorm2d(8, Name = "norm"), ReLU(Inplace = true, Name = "relu"), Conv2d(8, 4, 1, Bias = false, Name = "conv"), AvgPool2d(2, Stride = 2, Name = "pool")]
            public partial class Transition : nn.Module<Tensor, Tensor>
            {
            }

            [Model(Input = [3, 16, 16])]
            public partial class Net : nn.Module<Tensor, Tensor>
            {
                [Conv2d(3, 8, 3, Padding = 1, Name = "conv0"), Block<Transition>(Name = "transition1")]
                public partial Sequential features { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var transition = run.Generated("Transition.g.cs");
        Assert.Contains("public const string weight = \"norm.weight\";", transition);
        Assert.Contains("public const string weight = \"conv.weight\";", transition);
        Assert.Contains("this.register_module(\"pool\", this.__f_pool);", transition);
        var net = run.Generated("Net.g.cs");
        Assert.Contains("(\"conv0\", global::TorchSharp.torch.nn.Conv2d(", net);
        Assert.Contains("(\"transition1\", new global::Transition())", net);
        Assert.Contains("row\\tfeatures.transition1\\tTransition\\t1\\t4,8,8\\t", net);
    }

    [Fact]
    public Task Two_children_of_one_name_are_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 3, Name = "conv"), {|NG0040:Conv2d(8, 8, 3, Name = "conv")|}]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task A_name_that_is_not_an_identifier_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d(3, 8, 3, {|NG0040:Name = "conv.0"|})]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task A_named_child_in_a_stage_table_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            private static readonly int[] Widths = [8, 16];
            public partial M(int width = 8);
            [ForEach("Widths", Item = "v", Carry = "c", Start = 3, Next = "v")]
            [{|NG0040:Conv2d("c", "v", 3, Name = "conv")|}]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task A_name_on_a_member_that_is_not_a_Sequential_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [{|NG0040:Conv2d(3, 8, 3, Name = "conv0")|}] public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task Two_class_level_children_of_one_name_are_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        [Conv2d(3, 8, 3, Name = "conv"), {|NG0040:Conv2d(8, 8, 3, Name = "conv")|}]
        public partial class M : nn.Module<Tensor, Tensor>
        {
        }
        """);
}
