using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Wiring;

/// <summary>
/// Stage tables and conditional children in real compilations: the generated constructor builds the children as
/// PyTorch's list-building code does (and compiles with nullable and warnings as errors), and the shape walk unrolls a
/// static table at the default hyperparameters, index by index, or says it is unchecked where it cannot know.
/// </summary>
public sealed class StageTableGenerationTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    /// <summary>A small VGG: rows of widths with 0 for a max pool, and BatchNorm only when asked for.</summary>
    private const string SmallVgg = Usings + """
        public enum Depth { Shallow, Deep }

        [Model(Input = [3, 32, 32])]
        public partial class SmallVgg : nn.Module<Tensor, Tensor>
        {
            private static readonly int[][] Cfgs = [[16, 0, 32, 0], [16, 16, 0, 32, 32, 0]];
            public partial SmallVgg(Depth depth = Depth.Deep, bool batchNorm = true, int classes = 10);

            [ForEach("Cfgs[depth]", Item = "v", Index = "i", Carry = "c", Start = 3, Next = "v == 0 ? c : v")]
            [MaxPool2d(2, Stride = 2, When = "v == 0")]
            [Conv2d("c", "v", 3, Padding = 1, When = "v != 0")]
            [BatchNorm2d("v", When = "v != 0 && batchNorm")]
            [ReLU(Inplace = true, When = "v != 0")]
            public partial Sequential features { get; }

            [Flatten, Linear(32 * 8 * 8, "classes")] public partial Linear head { get; }
        }
        """;

    [Fact]
    public void A_stage_table_generates_a_loop_that_appends_each_present_child_under_the_next_index_and_compiles_strictly()
    {
        var run = GeneratorHarness.Run(SmallVgg);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("SmallVgg.g.cs");
        Assert.Contains("var __rows = global::SmallVgg.Cfgs[(int)(@depth)];", code);
        Assert.Contains("for (var @i = 0; @i < __rows.Length; @i++)", code);
        Assert.Contains("if (checked(((@v != 0) && @batchNorm))) this.__f_features.append((__child++).ToString(global::System.Globalization.CultureInfo.InvariantCulture), global::TorchSharp.torch.nn.BatchNorm2d(@v));", code);
        Assert.Contains("@c = checked(((@v == 0) ? @c : @v));", code);
        // The indices are known only once built, so the schema asks the module.
        Assert.Contains("schema.Module(\"features\", this.__f_features);", code);
    }

    [Fact]
    public void The_summary_unrolls_the_default_row_with_each_child_under_the_index_the_constructor_gives_it()
    {
        var run = GeneratorHarness.Run(SmallVgg);
        var code = run.Generated("SmallVgg.g.cs");

        // Row "Deep" with BN: conv, bn, relu, conv, bn, relu, pool, conv, bn, relu, conv, bn, relu, pool.
        Assert.Contains("row\\tfeatures.0\\tConv2d\\t1\\t16,32,32\\t448\\t", code);
        Assert.Contains("row\\tfeatures.1\\tBatchNorm2d\\t1\\t16,32,32\\t32\\t", code);
        Assert.Contains("row\\tfeatures.3\\tConv2d\\t1\\t16,32,32\\t2320\\t", code);
        Assert.Contains("row\\tfeatures.6\\tMaxPool2d\\t1\\t16,16,16\\t0\\t", code);
        Assert.Contains("row\\tfeatures.7\\tConv2d\\t1\\t32,16,16\\t4640\\t", code);
        Assert.Contains("row\\tfeatures.13\\tMaxPool2d\\t1\\t32,8,8\\t0\\t", code);
        Assert.DoesNotContain("row\\tfeatures.14\\t", code);
        Assert.Contains("row\\thead\\tLinear\\t0\\t10\\t20490\\t", code);
    }

    [Fact]
    public void A_table_from_an_int_array_parameter_is_unchecked_never_an_error_and_its_state_is_read_at_run_time()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = [3, 32, 32])]
            public partial class Widths : nn.Module<Tensor, Tensor>
            {
                public partial Widths(int[] widths);

                [ForEach("widths", Item = "w", Carry = "c", Start = 3, Next = "w")]
                [Conv2d("c", "w", 3, Padding = 1), ReLU]
                public partial Sequential features { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var unchecked_ = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0100");
        Assert.Contains("the table 'widths', which is not known at compile time", unchecked_.GetMessage());
        Assert.Contains("var __rows = @widths;", run.Generated("Widths.g.cs"));
        Assert.Contains("'features' is built from a table or conditions NetGen cannot evaluate at the defaults", run.Generated("Widths.g.cs"));
    }

    [Fact]
    public void Conditional_children_in_a_plain_Sequential_shift_the_later_indices()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = [3, 16, 16])]
            public partial class ConvNormAct : nn.Module<Tensor, Tensor>
            {
                public partial ConvNormAct(bool norm = false, int width = 8);

                [Conv2d(3, "width", 3, Padding = 1, Bias = false), BatchNorm2d("width", When = "norm"), ReLU, Conv2d("width", "width", 1)]
                public partial Sequential body { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("ConvNormAct.g.cs");
        // At the defaults (norm = false) the 1×1 conv is body.2, as nn.Sequential(*layers) would name it.
        Assert.Contains("row\\tbody.1\\tReLU\\t", code);
        Assert.Contains("row\\tbody.2\\tConv2d\\t1\\t8,16,16\\t72\\t", code);
        Assert.Contains("if (@norm) this.__f_body.append(", code);
    }
}
