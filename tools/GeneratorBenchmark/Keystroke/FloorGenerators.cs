using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.GeneratorBenchmark.Keystroke;

/// <summary>
/// What any generator shaped like NetGen pays on a keystroke before its own code runs, to measure NetGen against in
/// the same run. Roslyn re-runs a <c>ForAttributeWithMetadataName</c> transform for every matching class on every
/// new compilation, and binding attributes is the compiler's work, not NetGen's.
/// </summary>
internal static class FloorGenerators
{
    /// <summary>Roslyn finding the <c>[Model]</c> classes (which binds every class-level attribute), and a transform that does nothing.</summary>
    public static IIncrementalGenerator FindModels() => new Floor(bindMembers: false);

    /// <summary>The same, and binding the attributes of every member, which any reading of a model's layers needs.</summary>
    public static IIncrementalGenerator BindMemberAttributes() => new Floor(bindMembers: true);

    private sealed class Floor(bool bindMembers) : IIncrementalGenerator
    {
        public void Initialize(IncrementalGeneratorInitializationContext context)
        {
            var models = context.SyntaxProvider.ForAttributeWithMetadataName(
                "NetGen.ModelAttribute",
                predicate: static (node, _) => node is ClassDeclarationSyntax,
                transform: (ctx, _) => bindMembers
                    ? ctx.TargetSymbol.Name + ctx.TargetSymbol.GetAttributes().Length + ((INamedTypeSymbol)ctx.TargetSymbol).GetMembers().Sum(m => m.GetAttributes().Length)
                    : ctx.TargetSymbol.Name);
            context.RegisterSourceOutput(models, static (_, _) => { });
        }
    }
}
