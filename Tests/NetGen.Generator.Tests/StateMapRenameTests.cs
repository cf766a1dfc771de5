using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Tests.Infrastructure;

namespace NetGen.Generator.Tests;

/// <summary>
/// Key constants are derived from member names, so they follow a rename: the renamed member's constant
/// carries the new key, and code still naming the old constant stops compiling instead of silently
/// pointing at a key the model no longer has.
/// </summary>
public sealed class StateMapRenameTests
{
    private const string Model = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Demo;

        [Model(Input = [8])]
        public partial class Head : nn.Module<Tensor, Tensor>
        {
            [Linear(16), ReLU] public partial Linear hidden { get; }
            [Linear(4)] public partial Linear fc3 { get; }
        }
        """;

    private const string UserCode = """
        namespace Demo;

        public static class Usage
        {
            public const string HeadWeight = Head.Keys.fc3.weight;
        }
        """;

    [Fact]
    public void A_key_constant_follows_a_member_rename()
    {
        var before = GeneratorHarness.Run(Model, UserCode);
        Assert.Empty(before.CompilationErrors);
        Assert.Equal("fc3.weight", ConstantValue(before.Output, "HeadWeight"));

        var renamed = GeneratorHarness.Run(Model.Replace("fc3", "classifier"), UserCode.Replace("fc3", "classifier"));
        Assert.Empty(renamed.CompilationErrors);
        Assert.Equal("classifier.weight", ConstantValue(renamed.Output, "HeadWeight"));

        var stale = GeneratorHarness.Run(Model.Replace("fc3", "classifier"), UserCode);
        Assert.Contains(stale.CompilationErrors, d => d.Id is "CS0117" or "CS0426" && d.GetMessage().Contains("fc3"));
    }

    private static string? ConstantValue(Compilation compilation, string field)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Any(v => v.Identifier.Text == field));
        var declarator = tree.GetRoot().DescendantNodes().OfType<VariableDeclaratorSyntax>().Single(v => v.Identifier.Text == field);
        return compilation.GetSemanticModel(tree).GetConstantValue(declarator.Initializer!.Value).Value as string;
    }
}
