using System.Globalization;
using System.Linq;

namespace NetGen.Generator.Tests.Hardening;

/// <summary>Issue 15, case 15: three declarations that got a misleading message now get the right one, or none.</summary>
public sealed class MessageTests
{
    [Fact]
    public void An_unsigned_long_padding_is_read_as_the_int_it_is()
    {
        var run = Declarations.Run("""
            [Model(Input = [3, 8, 8])] public partial class U : nn.Module<Tensor, Tensor>
            {
                [Conv2d(3, 4, 3, Padding = 0UL, Stride = 1U, Dilation = (ushort)1)] public partial Conv2d c { get; }
            }
            """);

        Declarations.AssertAccepted(run);
        Assert.Contains("padding: 0L", Declarations.GeneratedText(run, "U"));
        Assert.Equal(new long[] { 4, 6, 6 }, Declarations.Summary(run, "U").Rows.Single().OutputShape);
    }

    [Fact]
    public void An_attribute_the_compiler_cannot_bind_leaves_the_compilers_error_alone()
    {
        var run = Declarations.Run("""
            [Model(Input = [3, 8, 8])] public partial class U : nn.Module<Tensor, Tensor>
            {
                [Conv2d(3, undefinedThing, 3)] public partial Conv2d c { get; }
                [Conv2d(3, 4, 3)] public partial Conv2d d { get; }
            }
            """);

        Assert.Empty(Declarations.Crashes(run));
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Id.StartsWith("NG", System.StringComparison.Ordinal) && d.Severity > Microsoft.CodeAnalysis.DiagnosticSeverity.Info));
        var error = Assert.Single(run.CompilationErrors);
        Assert.Equal("CS0103", error.Id);
    }

    [Fact]
    public void A_property_without_a_type_is_shown_how_to_declare_it()
    {
        var run = Declarations.Run("""
            [Model(Input = [3, 8, 8])] public partial class U : nn.Module<Tensor, Tensor>
            {
                [Conv2d(3, 4, 3)] public partial conv { get; }
            }
            """);

        var error = Assert.Single(Declarations.AssertRefusedCleanly(run));
        var message = error.GetMessage(CultureInfo.InvariantCulture);
        Assert.Equal("NG0003", error.Id);
        Assert.Contains("e.g. 'public partial Conv2d conv { get; }'", message);
        Assert.DoesNotContain("partial partial", message);
    }
}
