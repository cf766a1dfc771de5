using System.Linq;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests.OpenWorld;

/// <summary>Attributes are NetGen's only by full name; what NetGen cannot honour is refused on its span, never dropped.</summary>
public sealed class NamesAndAttributesTests
{
    private const string Usings = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        """;

    /// <summary>Used to be dropped silently, shifting the indices (and keys) of the layers after it.</summary>
    [Fact]
    public Task A_user_attribute_derived_from_LayerAttribute_is_refused() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        namespace Mine { public sealed class Swish2Attribute : LayerAttribute { } }

        [Model(Input = [4])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Linear(4, 4), {|NG0013:Mine.Swish2|}, Linear(4, 2)] public partial Sequential body { get; }
        }
        """);

    /// <summary>Used to be taken for NetGen's ReLU6 because attributes were matched by simple name.</summary>
    [Fact]
    public void An_attribute_with_a_NetGen_name_in_another_namespace_is_not_NetGens()
    {
        var run = GeneratorHarness.Run(Usings + """
            namespace Other { [System.AttributeUsage(System.AttributeTargets.All)] public sealed class ReLU6Attribute : System.Attribute { } }

            namespace Demo
            {
                [Model(Input = [4])]
                public partial class M : nn.Module<Tensor, Tensor>
                {
                    [Linear(4, 4), Other.ReLU6, Linear(4, 2)] public partial Sequential body { get; }
                }
            }
            """);

        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error));
        Assert.Empty(run.CompilationErrors);
        var generated = run.Generated("Demo.M.g.cs");
        Assert.DoesNotContain("ReLU6", generated);
        Assert.Contains("(\"1\", global::TorchSharp.torch.nn.Linear(4, 2))", generated);
    }

    /// <summary>Used to generate `new Hardswish()`, which fails with CS1729 and no NG diagnostic.</summary>
    [Fact]
    public Task A_block_type_without_a_constructor_the_model_can_call_is_refused() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [4])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Linear(4, 4), {|NG0006:Block<TorchSharp.Modules.Hardswish>|}] public partial Sequential body { get; }
        }
        """);

    /// <summary>Used to give CS0102 against the generated Keys and Summary.</summary>
    [Fact]
    public Task Members_named_like_generated_members_are_refused() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [4])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Linear(4, 4)] public partial Linear {|NG0011:Keys|} { get; }
            [Linear(4, 2)] public partial Linear {|NG0011:Summary|} { get; }
        }
        """);

    /// <summary>An NG error used to drop the generated code and add CS0534, CS9275 and CS9248 on top.</summary>
    [Fact]
    public void After_an_NG_error_only_NG_errors_are_reported()
    {
        var run = GeneratorHarness.Run(Usings + """
            namespace Demo;
            [Model(Input = [3, 8, 8])]
            public partial class Broken : nn.Module<Tensor, Tensor>
            {
                public partial Broken(int width = 8);
                [Conv2d(3, "widht", 3)] public partial Conv2d conv { get; }
                [Linear("width", 2)] public partial Linear? head { get; }
            }

            public static class Use
            {
                public static void Run() { using var model = new Broken(); model.init_weights(); System.Console.WriteLine(Broken.Summary); }
            }
            """);

        Assert.Contains(run.GeneratorDiagnostics, d => d.Id == "NG0005");
        Assert.Empty(run.CompilationErrors);
        Assert.Contains("throw new global::System.InvalidOperationException", run.Generated("Demo.Broken.g.cs"));
    }

    /// <summary>A file-local model used to give only C# errors: its generated half is another file's type.</summary>
    [Fact]
    public void A_file_local_model_is_refused_with_NG0021()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = [4])]
            file partial class Probe : nn.Module<Tensor, Tensor>
            {
                [Linear(4, 2)] public partial Linear fc { get; }
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0021");
        Assert.Equal("Probe", diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
        Assert.DoesNotContain(run.GeneratorDiagnostics, d => d.Id == "CS8785");
    }

    /// <summary>
    /// Found by trying NetGen as a new user: <c>[Block&lt;T&gt;]</c> on a member typed <c>T</c> was told "no attribute
    /// makes a T", though one plainly tried to. The message now names the attribute to use instead.
    /// </summary>
    [Fact]
    public void A_generic_block_attribute_on_a_block_typed_member_says_to_use_Block()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = ["c", 8, 8])]
            public partial class Unit : nn.Module<Tensor, Tensor>
            {
                public partial Unit(int c, int d);
                [Conv2d("c", "d", 3, Padding = 1)] public partial Conv2d conv { get; }
            }

            [Model(Input = [4, 8, 8])]
            public partial class M : nn.Module<Tensor, Tensor>
            {
                [Block<Unit>(4, 8)] public partial Unit unit { get; }
            }
            """);

        var diagnostic = Assert.Single(run.GeneratorDiagnostics, d => d.Id == "NG0004");
        Assert.Contains("a member typed Unit is made by [Block(...)] with the same arguments", diagnostic.GetMessage());
        Assert.Equal("unit", diagnostic.Location.SourceTree!.ToString().Substring(diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length));
    }

    /// <summary>The message used to read "expects 16 input channels but receives 32 (expected 32, actual 16)".</summary>
    [Fact]
    public void A_channel_mismatch_says_what_is_declared_and_what_arrives_once()
    {
        var run = GeneratorHarness.Run(Usings + """
            [Model(Input = [3, 8, 8])]
            public partial class M : nn.Module<Tensor, Tensor>
            {
                [Conv2d(3, 32, 3)] public partial Conv2d a { get; }
                [Conv2d(16, 8, 3)] public partial Conv2d b { get; }
            }
            """);

        var message = run.GeneratorDiagnostics.Single(d => d.Id == "NG0101").GetMessage();
        Assert.StartsWith("b expects 16 input channels but receives 32; ", message);
        Assert.DoesNotContain("expected", message);
    }

    /// <summary>A first mismatch used to hide every later one.</summary>
    [Fact]
    public Task Independent_shape_errors_are_all_reported() => GeneratorDiagnosticTest.VerifyAsync(Usings + """
        [Model(Input = [3, 8, 8])]
        public partial class M : nn.Module<Tensor, Tensor>
        {
            [Conv2d({|NG0101:4|}, 16, 3)] public partial Conv2d a { get; }
            [Conv2d(16, 8, 3)] public partial Conv2d b { get; }
            [BatchNorm2d({|NG0101:6|})] public partial BatchNorm2d c { get; }
            [Flatten, Linear({|NG0102:10|}, 2)] public partial Linear d { get; }
        }
        """);
}
