using System.Linq;
using System.Threading.Tasks;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.Hardening;

/// <summary>
/// Issue 15, case 6: names users may choose made NetGen write code that does not compile, with no NG
/// diagnostic. Every name is now either carried into every emitter so the output compiles (keywords,
/// contextual keywords, parameters named like generated locals or inherited members, <c>params</c>), or
/// refused with NG0011/NG0018 on the declaration while the stub NetGen writes still compiles.
/// </summary>
public sealed class GeneratedNameTests
{
    private const string Unit = """
        [Model]
        public partial class Unit : nn.Module<Tensor, Tensor>
        {
            public partial Unit(int channels);
            [Conv2d("channels", "channels", 3, Padding = 1)] public partial Conv2d @this { get; }
        }

        """;

    [Fact]
    public void Keyword_member_names_reach_the_constructor_forward_keys_schema_and_summary()
    {
        var run = Declarations.Run(Unit + """
            [Model(Input = [3, 8, 8])]
            [Residual(Shortcut = "event")]
            public partial class K : nn.Module<Tensor, Tensor>
            {
                public partial K(bool @if = true);

                [Conv2d(3, 4, 3, Padding = 1)] public partial Conv2d @class { get; }
                [BatchNorm2d(4), ReLU] public partial BatchNorm2d @base { get; }
                [Conv2d(4, 4, 1), BatchNorm2d(4)] public partial Sequential @return { get; }
                [Block(4)] public partial Unit @in { get; }
                [Repeat<Unit>(2, First = [4], Rest = [4])] public partial Sequential @out { get; }
                [When("if"), ReLU] public partial Sequential? @this { get; }
                [Branch, Conv2d(4, 2, 1)] public partial Conv2d @do { get; }
                [Branch, Conv2d(4, 2, 1)] public partial Conv2d @while { get; }
                [Conv2d(3, 4, 1)] public partial Conv2d @event { get; }
            }
            """);

        Declarations.AssertAccepted(run);
        Assert.Equal("class.weight", Declarations.Constant(run, "K.Keys.@class.weight"));
        Assert.Equal("base.running_mean", Declarations.Constant(run, "K.Keys.@base.running_mean"));
        Assert.Equal("return.1.bias", Declarations.Constant(run, "K.Keys.@return._1.bias"));
        Assert.Equal("in.this.weight", Declarations.Constant(run, "K.Keys.@in.@this.weight"));
        Assert.Equal("out.1.this.bias", Declarations.Constant(run, "K.Keys.@out._1.@this.bias"));
        Assert.Equal("event.weight", Declarations.Constant(run, "K.Keys.@event.weight"));
        var rows = Declarations.Summary(run, "K").Rows.Select(r => r.Path).ToList();
        Assert.Equal(new[] { "class", "base", "return", "return.0", "return.1", "in", "in.this", "out", "out.0", "out.0.this", "out.1", "out.1.this", "this", "this.0", "do", "while", "event" }, rows);
    }

    [Fact]
    public void Keyword_member_names_reach_the_open_world_members()
    {
        var run = Declarations.Run("""
            [Model]
            public partial class Open : nn.Module<Tensor, Tensor>
            {
                public partial Open(int @int = 4);

                [Parameter(1, "int")] public partial Parameter @class { get; }
                [Factory(nameof(@new)), Contract(Input = ["int"], Output = ["int"])] public partial Linear @static { get; }
                private readonly Linear @readonly = nn.Linear(4, 4);
                private Linear @new(int @int) => nn.Linear(@int, @int);

                public override Tensor forward(Tensor x) => @readonly.call(@static.call(x + @class));
            }
            """);

        Declarations.AssertAccepted(run);
        Assert.Equal("class", Declarations.Constant(run, "Open.Keys.@class"));
        Assert.Equal("static", Declarations.Constant(run, "Open.Keys.@static.Prefix"));
        Assert.Equal(new[] { "class", "static", "readonly" }, Declarations.Summary(run, "Open").Rows.Select(r => r.Path));
    }

    [Fact]
    public void Contextual_keywords_and_names_that_collide_in_the_key_classes_compile()
    {
        var run = Declarations.Run("""
            [Model(Input = [3])]
            public partial class Ctx : nn.Module<Tensor, Tensor>
            {
                [Linear(3, 3)] public partial Linear record { get; }
                [Linear(3, 3)] public partial Linear file { get; }
                [Linear(3, 3)] public partial Linear required { get; }
                [Linear(3, 3)] public partial Linear scoped { get; }
                [Linear(3, 3)] public partial Linear var { get; }
                [Linear(3, 3)] public partial Linear value { get; }
                [Linear(3, 3)] public partial Linear Prefix { get; }
                [Linear(3, 3)] public partial Linear Prefix_ { get; }
                [Linear(3, 3)] public partial Linear Ctx_ { get; }
                [Linear(3, 3), Dropout(0.5)] public partial Linear weight { get; }
            }
            """);

        Declarations.AssertAccepted(run);
        Assert.Equal("record.weight", Declarations.Constant(run, "Ctx.Keys.record.weight"));
        Assert.Equal("file.bias", Declarations.Constant(run, "Ctx.Keys.@file.bias"));
        // Each class also holds its own Prefix constant, so later names step aside in declaration order.
        Assert.Equal("Prefix.weight", Declarations.Constant(run, "Ctx.Keys.Prefix_.weight"));
        Assert.Equal("Prefix_.weight", Declarations.Constant(run, "Ctx.Keys.Prefix__.weight"));
        Assert.Equal("weight.weight", Declarations.Constant(run, "Ctx.Keys.weight.weight_"));
    }

    [Fact]
    public void Parameters_named_like_generated_code_or_inherited_members_compile()
    {
        var run = Declarations.Run(Unit + """
            [Model(Input = [3, 8, 8])]
            public partial class P : nn.Module<Tensor, Tensor>
            {
                public partial P(int register_module, int __conv, int @this, int i = 2, bool training = true, int ReferenceEquals = 0, int x = 3, params int[] rest);

                [Conv2d(3, "register_module", 3, Padding = 1)] public partial Conv2d conv { get; }
                [Conv2d("register_module", "__conv", 1), Dropout(0.5)] public partial Conv2d conv2 { get; }
                [Repeat<Unit>("i", First = ["__conv"], Rest = ["__conv"])] public partial Sequential stage { get; }
                [Conv2d("__conv", "x", 1)] public partial Conv2d hp_x { get; }
                [Conv2d("x", "this", 1)] public partial Conv2d p_x { get; }
                [Conv2d("this", "x", 1)] public partial Conv2d x { get; }
            }
            """);

        Declarations.AssertAccepted(run);
        var text = Declarations.GeneratedText(run, "P");
        Assert.Contains("params int[] @rest", text);
        Assert.Contains("for (var i_ = 1; i_ < @i; i_++)", text);
    }

    [Fact]
    public void Inheritance_modifiers_of_a_partial_member_are_repeated_by_its_implementation()
    {
        var run = Declarations.Run("""
            [Model(Input = [3])]
            public partial class Mods : nn.Module<Tensor, Tensor>
            {
                [Linear(3, 3), Dropout(0.5)] public virtual partial Linear fc { get; }
                [ReLU] public new partial ReLU training { get; }
                [ReLU] public new partial ReLU parameters { get; }
            }
            """);

        Declarations.AssertAccepted(run);
    }

    [Fact]
    public Task Members_named_like_generated_or_called_members_are_refused() => GeneratorDiagnosticTest.VerifyAsync(Declarations.Usings + """
        [Model(Input = [3])]
        public partial class R : nn.Module<Tensor, Tensor>
        {
            [Linear(3, 3)] public partial Linear fc { get; }
            [Linear(3, 3)] public partial Linear {|NG0011:Keys|} { get; }
            [Linear(3, 3)] public partial Linear {|NG0011:Summary|} { get; }
            [Linear(3, 3)] public partial Linear {|NG0011:StateSchema|} { get; }
            [Linear(3, 3)] public partial Linear {|NG0011:init_weights|} { get; }
            [Linear(3, 3)] public partial Linear {|NG0011:RegisterComponents|} { get; }
            [Linear(3, 3)] public new partial Linear {|NG0011:forward|} { get; }
            [Linear(3, 3)] public new partial Linear {|NG0011:register_module|} { get; }
            [Linear(3, 3)] public new partial Linear {|NG0011:register_parameter|} { get; }
            [Linear(3, 3)] public new partial Linear {|NG0011:ReferenceEquals|} { get; }
            [Linear(3, 3)] public partial Linear {|NG0011:__f_fc|} { get; }
        }
        """);

    [Fact]
    public void The_stub_of_a_model_with_refused_member_names_compiles()
    {
        var run = Declarations.Run("""
            [Model(Input = [3])]
            public partial class R : nn.Module<Tensor, Tensor>
            {
                [Linear(3, 3)] public partial Linear fc { get; }
                [Linear(3, 3)] public partial Linear Keys { get; }
                [Linear(3, 3)] public partial Linear Summary { get; }
                [Linear(3, 3)] public partial Linear StateSchema { get; }
                [Linear(3, 3)] public partial Linear init_weights { get; }
            }
            """);

        var errors = Declarations.AssertRefusedCleanly(run);
        Assert.All(errors, e => Assert.Equal("NG0011", e.Id));
        Assert.Equal(4, errors.Count);
        Assert.Empty(run.CompilationErrors);
    }

    [Fact]
    public Task A_model_deriving_from_a_model_is_refused() => GeneratorDiagnosticTest.VerifyAsync(Declarations.Usings + """
        [Model(Input = [3])] public partial class Base : nn.Module<Tensor, Tensor>
        {
            public partial Base(int width);
            [Linear(3, "width")] public partial Linear fc { get; }
        }

        [Model(Input = [3])] public partial class {|NG0018:Derived|} : Base
        {
            [Linear(3, 3)] public partial Linear head { get; }
        }
        """);

    [Fact]
    public void The_stub_of_a_model_deriving_from_a_model_compiles()
    {
        var run = Declarations.Run("""
            [Model(Input = [3])] public partial class Base : nn.Module<Tensor, Tensor>
            {
                public partial Base(int width, params int[] more);
                [Linear(3, "width")] public partial Linear fc { get; }
            }

            [Model(Input = [3])] public partial class Derived : Base
            {
                public partial Derived(int depth);
                [Linear(3, 3)] public partial Linear head { get; }
            }

            [Model(Input = [3])] public partial class Further : Derived
            {
                [Linear(3, 3)] public partial Linear tail { get; }
            }
            """);

        var errors = Declarations.AssertRefusedCleanly(run);
        Assert.Equal(new[] { "NG0018", "NG0018" }, errors.Select(e => e.Id));
        Assert.Empty(run.CompilationErrors);
    }
}
