using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Wiring;

/// <summary><c>[Repeat&lt;T&gt;(Each = [...], Index = "i")]</c>: every block's arguments computed from its position.</summary>
public sealed class RepeatEachTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    private const string Widen = """
        [Model(Input = ["inp", 8, 8])]
        public partial class Widen : nn.Module<Tensor, Tensor>
        {
            public partial Widen(int inp, int oup);
            [Conv2d("inp", "oup", 3, Padding = 1), ReLU] public partial Conv2d conv { get; }
        }

        """;

    [Fact]
    public void Each_block_gets_arguments_computed_from_its_index_in_the_generated_loop_and_in_the_summary()
    {
        var run = GeneratorHarness.Run(Usings + Widen + """
            [Model(Input = [16, 8, 8])]
            public partial class Growing : nn.Module<Tensor, Tensor>
            {
                public partial Growing(int blocks = 3, int start = 16, int growth = 8);
                [Repeat<Widen>("blocks", Each = ["start + i * growth", "start + (i + 1) * growth"], Index = "i")]
                public partial Sequential stage { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var code = run.Generated("Growing.g.cs");
        Assert.Contains("for (var @i = 0; @i < @blocks; @i++)", code);
        Assert.Contains("new global::Widen(checked((@start + (@i * @growth))), checked((@start + ((@i + 1) * @growth)))));", code);
        // Block 2 takes 16 + 2·8 = 32 channels and gives 40: 32·40·9 + 40 parameters.
        Assert.Contains("row\\tstage.2\\tWiden\\t1\\t40,8,8\\t11560\\t", code);
    }

    [Fact]
    public Task A_block_whose_index_arguments_do_not_chain_is_reported_at_the_defaults() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = ["inp", 8, 8])]
        public partial class Widen : nn.Module<Tensor, Tensor>
        {
            public partial Widen(int inp, int oup);
            [Conv2d({|NG0111:"inp"|}, "oup", 3, Padding = 1), ReLU] public partial Conv2d conv { get; }
        }

        [Model(Input = [16, 8, 8])]
        public partial class Growing : nn.Module<Tensor, Tensor>
        {
            public partial Growing(int blocks = 3, int start = 16, int growth = 8);
            // Block 0 gives 17 channels; block 1 expects 16 + 1·8 = 24.
            [Repeat<Widen>("blocks", Each = ["start + i * growth", "start + i * growth + 1"], Index = "i")]
            public partial Sequential {|NG0107:stage|} { get; }
        }
        """);

    [Fact]
    public Task Index_without_Each_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + Widen + """
        [Model(Input = [16, 8, 8])]
        public partial class Growing : nn.Module<Tensor, Tensor>
        {
            public partial Growing(int blocks = 3);
            [Repeat<Widen>("blocks", First = [16, 16], Rest = [16, 16], {|NG0040:Index = "i"|})]
            public partial Sequential stage { get; }
        }
        """);

    [Fact]
    public Task Each_with_First_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + Widen + """
        [Model(Input = [16, 8, 8])]
        public partial class Growing : nn.Module<Tensor, Tensor>
        {
            public partial Growing(int blocks = 3);
            [Repeat<Widen>("blocks", {|NG0040:First = [16, 16]|}, Each = [16, 16])]
            public partial Sequential stage { get; }
        }
        """);

    [Fact]
    public Task An_index_that_hides_a_parameter_is_NG0040() => GeneratorDiagnosticTest.VerifyAsync(Usings + Widen + """
        [Model(Input = [16, 8, 8])]
        public partial class Growing : nn.Module<Tensor, Tensor>
        {
            public partial Growing(int blocks = 3);
            [Repeat<Widen>("blocks", Each = [16, 16], {|NG0040:Index = "blocks"|})]
            public partial Sequential stage { get; }
        }
        """);
}
