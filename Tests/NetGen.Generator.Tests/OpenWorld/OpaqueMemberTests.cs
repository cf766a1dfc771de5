using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.OpenWorld;

/// <summary>
/// Modules NetGen has no attribute for (an LSTM, a hand-written wrapper, a module in a field) are members
/// like any other: created, registered, in the state map. What follows them is checked only as far as a
/// declared [Contract] says, and visibly unchecked otherwise.
/// </summary>
public sealed class OpaqueMemberTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    /// <summary>A hand-written TorchSharp module NetGen knows nothing about (in the global namespace).</summary>
    private const string Wrapper = """
        public sealed class Wrapper : nn.Module<Tensor, Tensor>
        {
            private readonly Linear inner = nn.Linear(8, 8);
            public Wrapper() : base(nameof(Wrapper)) => RegisterComponents();
            public override Tensor forward(Tensor x) => inner.call(x);
        }

        """;

    /// <summary>A member typed LSTM used to get NG0004; a factory builds it from the hyperparameters.</summary>
    [Fact]
    public void A_factory_member_of_any_module_type_is_created_from_the_hyperparameters()
    {
        var run = GeneratorHarness.Run(Usings + """
            namespace Demo;
            [Model]
            public partial class Tagger : nn.Module<Tensor, Tensor>
            {
                public partial Tagger(int embed = 16, int hidden = 32);
                [Factory(nameof(CreateRnn))] public partial LSTM rnn { get; }
                private static LSTM CreateRnn(int embed, int hidden, bool bidirectional = false) => nn.LSTM(embed, hidden, bidirectional: bidirectional);
                public override Tensor forward(Tensor x) { var (y, _, _) = rnn.call(x); return y; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var generated = run.Generated("Demo.Tagger.g.cs");
        Assert.Contains("this.__f_rnn = global::Demo.Tagger.CreateRnn(@embed: @embed, @hidden: @hidden);", generated);
        Assert.Contains("this.register_module(\"rnn\", this.__f_rnn);", generated);
        Assert.Contains("schema.Module(\"rnn\", this.__f_rnn);", generated);
        Assert.Contains("plan.ApplyTree(this.__f_rnn);", generated);
    }

    [Fact]
    public Task A_partial_module_member_with_nothing_to_create_it_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            public partial LSTM {|NG0014:rnn|} { get; }
            public override Tensor forward(Tensor x) => x.alias();
        }
        """);

    /// <summary>Used to be registered by nobody (the generated RegisterComponents is empty), so never trained or saved.</summary>
    [Fact]
    public void A_module_field_initialised_where_declared_is_registered_in_declaration_order()
    {
        var run = GeneratorHarness.Run(Usings + """
            namespace Demo;
            [Model(Input = [4])]
            public partial class Fields : nn.Module<Tensor, Tensor>
            {
                [Linear(4, 8)] public partial Linear first { get; }
                private readonly LSTM rnn = nn.LSTM(8, 8);
                private Parameter scale { get; } = new Parameter(ones(1));
                [Linear(8, 2)] public partial Linear last { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var generated = run.Generated("Demo.Fields.g.cs");
        var order = new[] { "register_module(\"first\"", "register_module(\"rnn\", this.rnn)", "register_parameter(\"scale\", this.scale)", "register_module(\"last\"" }
            .Select(text => generated.IndexOf(text, System.StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, order);
        Assert.Equal(order.OrderBy(i => i), order);
        // The generated forward wires the declared layers only; the field modules are registered, not called.
        Assert.DoesNotContain("this.rnn.call", generated);
    }

    [Fact]
    public Task A_module_field_that_is_never_assigned_is_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [4])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Linear(4, 2)] public partial Linear fc { get; }
        #pragma warning disable CS0649
            private readonly Linear? {|NG0016:head|};
        #pragma warning restore CS0649
        }
        """);

    [Fact]
    public Task Members_the_generated_forward_cannot_call_ask_for_a_hand_written_forward() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [4])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Parameter(4)] public partial Parameter {|NG0015:bias|} { get; }
            [Factory(nameof(Create))] public partial LSTM {|NG0015:rnn|} { get; }
            private static LSTM Create() => nn.LSTM(4, 4);
        }
        """);

    /// <summary>Nothing after an opaque member without a contract is checked, and the build says so; a wrong size there is no error.</summary>
    [Fact]
    public Task Without_a_contract_what_follows_an_opaque_member_is_unchecked_not_wrong() => GeneratorDiagnosticTest.VerifyAsync(Usings + Wrapper + """
        [Model(Input = [8])]
        public partial class {|NG0100:{|NG0110:M|}|} : nn.Module<Tensor, Tensor>
        {
            [Block] public partial Wrapper wrapper { get; }
            [Linear(999, 2)] public partial Linear head { get; }
        }
        """);

    /// <summary>With a contract, checking and inference go on after the opaque member.</summary>
    [Fact]
    public Task With_a_contract_what_follows_is_checked() => GeneratorDiagnosticTest.VerifyAsync(Usings + Wrapper + """
        [Model(Input = [8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Block, Contract(Input = ["features"], Output = ["features"])] public partial Wrapper wrapper { get; }
            [Linear({|NG0102:999|}, 2)] public partial Linear head { get; }
        }
        """);

    [Fact]
    public Task What_arrives_at_a_contract_is_checked_against_it() => GeneratorDiagnosticTest.VerifyAsync(Usings + Wrapper + """
        [Model(Input = [4])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Linear(4, 16)] public partial Linear fc { get; }
            [Block, {|NG0112:Contract(Input = [8], Output = [8])|}] public partial Wrapper wrapper { get; }
        }
        """);

    [Fact]
    public void A_contract_carries_inference_past_an_opaque_member()
    {
        var run = GeneratorHarness.Run(Usings + Wrapper + """
            [Model(Input = [8])]
            public partial class M : nn.Module<Tensor, Tensor>
            {
                [Block, Contract(Input = ["n"], Output = ["n"])] public partial Wrapper wrapper { get; }
                [Linear(2)] public partial Linear head { get; }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        Assert.Contains("global::TorchSharp.torch.nn.Linear(8, 2)", run.Generated("M.g.cs"));
    }

    /// <summary>A summary row names a generic module's type as C# reads it, without the namespaces NetGen keeps.</summary>
    [Fact]
    public void A_generic_modules_row_shows_its_type_without_namespaces()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = [8])]
            public partial class M : nn.Module<Tensor, Tensor>
            {
                private readonly ModuleList<nn.Module<Tensor, Tensor>> layers = Make();
                [Linear(8, 2)] public partial Linear head { get; }

                private static ModuleList<nn.Module<Tensor, Tensor>> Make() => nn.ModuleList<nn.Module<Tensor, Tensor>>(nn.Linear(8, 8));
            }
            """);

        Assert.Empty(run.CompilationErrors);
        Assert.Contains("row\tlayers\tModuleList<Module<Tensor, Tensor>>\t0\t", SummaryData.Of(run, "M.g.cs", "M"));
    }
}
