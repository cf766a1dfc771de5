using System.Linq;

namespace NetGen.Generator.Tests.Hardening;

/// <summary>
/// Issue 15, case 5: two generated files with one hint name (Roslyn compares them without case) gave CS8785
/// and lost every model of the project. Names that differ only in case or map to the same file name now get
/// files of their own, and a <c>[Model]</c> written on both partial halves is generated once.
/// </summary>
public sealed class HintNameTests
{
    [Fact]
    public void Models_whose_names_differ_only_in_case_or_arity_each_get_their_own_file_and_compile()
    {
        var run = Declarations.Run("""
            namespace N
            {
                [Model(Input = [4])] public partial class Net : nn.Module<Tensor, Tensor> { [Linear(4, 2)] public partial Linear fc { get; } }
                [Model(Input = [4])] public partial class NET : nn.Module<Tensor, Tensor> { [Linear(4, 3)] public partial Linear fc { get; } }
                [Model(Input = [4])] public partial class Net<T> : nn.Module<Tensor, Tensor> { [Linear(4, 4)] public partial Linear fc { get; } }
                [Model(Input = [4])] public partial class Net_1 : nn.Module<Tensor, Tensor> { [Linear(4, 5)] public partial Linear fc { get; } }
                [Model(Input = [4])] public partial class net : nn.Module<Tensor, Tensor> { [Linear(4, 6)] public partial Linear fc { get; } }
            }

            namespace n
            {
                [Model(Input = [4])] public partial class Net : nn.Module<Tensor, Tensor> { [Linear(4, 7)] public partial Linear fc { get; } }
            }
            """);

        Declarations.AssertAccepted(run);
        var hints = run.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Equal(6, hints.Count);
        Assert.Equal(6, hints.Distinct(System.StringComparer.OrdinalIgnoreCase).Count());
        foreach (var (model, width) in new[] { ("N.Net", 2), ("N.NET", 3), ("N.Net`1", 4), ("N.Net_1", 5), ("N.net", 6), ("n.Net", 7) })
        {
            Assert.Contains($"torch.nn.Linear(4, {width})", Declarations.GeneratedText(run, model));
        }
    }

    [Fact]
    public void A_model_attribute_on_both_partial_halves_generates_one_file_and_leaves_the_compilers_error_alone()
    {
        var run = Declarations.Run("""
            [Model(Input = [4])] public partial class Halves : nn.Module<Tensor, Tensor> { [Linear(4, 4)] public partial Linear a { get; } }
            [Model(Input = [4])] public partial class Halves { [Linear(4, 4)] public partial Linear b { get; } }
            """);

        Assert.Empty(Declarations.Crashes(run));
        Assert.Single(run.GeneratedSources);
        // The duplicate attribute is C#'s error, and the only one: the model is generated once, with both members.
        var error = Assert.Single(run.CompilationErrors);
        Assert.Equal("CS0579", error.Id);
        Assert.Empty(Declarations.NgErrors(run));
        Assert.Equal(new[] { "a", "b" }, Declarations.Summary(run, "Halves").Rows.Select(r => r.Path));
    }
}
