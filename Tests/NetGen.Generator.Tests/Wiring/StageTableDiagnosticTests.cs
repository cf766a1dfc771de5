using System.Threading.Tasks;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Wiring;

/// <summary>Every mistake in a stage table (<c>[ForEach]</c>) or a conditional child (<c>When</c>), each on the argument that makes it.</summary>
public sealed class StageTableDiagnosticTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    [Fact]
    public Task A_table_that_is_neither_a_parameter_nor_a_static_member_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int width = 8);
            [ForEach({|NG0040:"Widths"|}, Item = "v")]
            [Conv2d(3, "v", 3)]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task Indexing_a_table_of_one_row_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            private static readonly int[] Widths = [8, 16];
            public partial M(int row = 0);
            [ForEach({|NG0040:"Widths[row]"|}, Item = "v", Carry = "c", Start = 3, Next = "v")]
            [Conv2d("c", "v", 3)]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task A_row_chosen_by_a_bool_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            private static readonly int[][] Widths = [[8], [16]];
            public partial M(bool wide = false);
            [ForEach({|NG0040:"Widths[wide]"|}, Item = "v", Carry = "c", Start = 3, Next = "v")]
            [Conv2d("c", "v", 3)]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task An_int_parameter_as_the_table_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int widths = 8);
            [ForEach({|NG0040:"widths"|}, Item = "v")]
            [Conv2d(3, "v", 3)]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task A_loop_name_that_hides_a_parameter_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            private static readonly int[] Widths = [8, 16];
            public partial M(int width = 8);
            [ForEach("Widths", {|NG0040:Item = "width"|})]
            [Conv2d(3, 8, 3)]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task A_carry_without_start_and_next_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            private static readonly int[] Widths = [8, 16];
            public partial M(int width = 8);
            [ForEach("Widths", Item = "v", {|NG0040:Carry = "c"|})]
            [Conv2d("c", "v", 3)]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task A_next_that_is_not_an_int_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            private static readonly int[] Widths = [8, 16];
            public partial M(int width = 8);
            [ForEach("Widths", Item = "v", Carry = "c", Start = 3, {|NG0040:Next = "v > 0"|})]
            [Conv2d("c", "v", 3)]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task An_unknown_name_in_a_stage_tables_body_is_NG0005() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            private static readonly int[] Widths = [8, 16];
            public partial M(int width = 8);
            [ForEach("Widths", Item = "v", Carry = "c", Start = 3, Next = "v")]
            [Conv2d("c", {|NG0005:"w * 2"|}, 3)]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task A_condition_that_is_not_a_bool_is_NG0010() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(int width = 8);
            [Conv2d(3, "width", 3), BatchNorm2d("width", {|NG0010:When = "width + 1"|})]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task A_conditional_layer_on_a_member_that_is_not_a_Sequential_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(bool norm = true);
            [Conv2d(3, 8, 3)] public partial Conv2d conv { get; }
            [{|NG0040:BatchNorm2d(8, When = "norm")|}] public partial BatchNorm2d bn { get; }
        }
        """);

    [Fact]
    public Task A_conditional_child_declared_on_the_model_class_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        [Conv2d(3, 8, 3)]
        [{|NG0040:BatchNorm2d(8, When = "norm")|}]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial M(bool norm = true);
        }
        """);

    [Fact]
    public Task A_stage_table_on_a_member_that_is_not_a_Sequential_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            private static readonly int[] Widths = [8];
            public partial M(int width = 8);
            [{|NG0040:ForEach("Widths", Item = "v")|}]
            [Conv2d(3, 8, 3)]
            public partial Conv2d conv { get; }
        }
        """);

    [Fact]
    public Task An_omitted_input_size_in_a_stage_table_is_NG0109() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            private static readonly int[] Widths = [8, 16];
            public partial M(int width = 8);
            [ForEach("Widths", Item = "v")]
            [{|NG0109:Conv2d("v", 3)|}]
            public partial Sequential features { get; }
        }
        """);

    [Fact]
    public Task A_channel_mismatch_in_the_row_at_the_defaults_is_NG0101_on_the_argument() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 32, 32])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            private static readonly int[][] Widths = [[8], [4]];
            public partial M(int row = 0);
            [ForEach("Widths[row]", Item = "v")]
            [Conv2d({|NG0101:"v"|}, "v", 3, Padding = 1)]
            public partial Sequential features { get; }
        }
        """);
}
