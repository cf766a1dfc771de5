namespace NetGen.Generator.Tests.CrossAssembly;

/// <summary>
/// Parameters the generated forward uses (<c>ParameterUse</c>), shortcuts around members and <c>[Auxiliary]</c> members
/// travel in the descriptor (its optional sections <c>parameter-use</c>, <c>residual-span</c> and <c>auxiliary</c>): a
/// consumer walks another assembly's transformer encoder and classifier with its class token, position embedding,
/// shortcuts and unused auxiliary head, so it finds exactly what it would find with the blocks in its own project.
/// </summary>
public sealed class TokensAndShortcutsAcrossAssembliesTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private const string Blocks = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Lib;

        [Model(Input = [16, "dim"])]
        public partial class Encoder : nn.Module<Tensor, Tensor>
        {
            public partial Encoder(int dim = 32, int tokens = 16);
            [Parameter(1, 1, "dim", Use = ParameterUse.Prepend)] public partial Parameter cls { get; }
            [Parameter(1, "tokens + 1", "dim", Use = ParameterUse.Add)] public partial Parameter pos { get; }
            [LayerNorm("dim"), Residual(Through = nameof(fc))] public partial LayerNorm ln { get; }
            [Linear("dim", "dim")] public partial Linear fc { get; }
            [Linear("dim", 8), Auxiliary] public partial Linear aux { get; }
            [Parameter("dim", Use = ParameterUse.Multiply)] public partial Parameter scale { get; }
        }
        """;

    private static string Consumer(string dim, string head) => $$"""
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        [Model(Input = [16, 32])]
        public partial class Net : nn.Module<Tensor, Tensor>
        {
            [Block({{dim}}, 16), Select(1, 0)] public partial Lib.Encoder encoder { get; }
            [Linear({{head}}, 10)] public partial Linear head { get; }
        }
        """;

    /// <summary>
    /// No error or warning. The one note is about the auxiliary head, which the forward does not run, so what it receives
    /// is not known (a linear layer declares no input rank); within one project the note is the same.
    /// </summary>
    [Fact]
    public void A_correct_consumer_gets_no_error_across_the_boundary()
    {
        var across = TwoAssemblies.Consumer(TwoAssemblies.Library(Blocks), Consumer("32", "32"));
        var diagnostics = TwoAssemblies.ConsumerDiagnostics(across);
        output.WriteLine(string.Join("\n", diagnostics));
        var note = Assert.Single(diagnostics);
        Assert.StartsWith("NG0100 Info", note);
        Assert.Contains("encoder.aux: the input's rank is unknown", note);
        Assert.Equal(diagnostics, TwoAssemblies.ConsumerDiagnostics(TwoAssemblies.OneProject([Blocks], [Consumer("32", "32")])));
        Assert.Empty(across.CompilationErrors);
    }

    [Theory]
    [InlineData("48", "48")]
    [InlineData("32", "17")]
    public void A_wrong_use_is_reported_as_within_one_project(string dim, string head)
    {
        var library = TwoAssemblies.Library(Blocks);
        var across = TwoAssemblies.ConsumerDiagnostics(TwoAssemblies.Consumer(library, Consumer(dim, head)));
        var within = TwoAssemblies.ConsumerDiagnostics(TwoAssemblies.OneProject([Blocks], [Consumer(dim, head)]));

        output.WriteLine(string.Join("\n", across));
        Assert.NotEmpty(across);
        Assert.Equal(within, across);
    }
}
