using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Emitting;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// The semantic model the forward is read with. A forward reads hyperparameters through properties NetGen
/// generates (<c>hidden</c> for <c>self.hidden</c>), which the generator's own compilation does not hold yet:
/// there a call such as <c>x.view(-1, hidden)</c> would not bind. So the generator reads such a forward in the
/// compilation plus a file declaring just those properties, as the generated file does; the analyzer, which
/// sees the generated file, reads it as it is. Both then read the same operations.
/// </summary>
internal static class ForwardBinding
{
    public static SemanticModel SemanticModelFor(INamedTypeSymbol type, ModelShell shell, MethodDeclarationSyntax forward, Compilation compilation)
    {
        var exposed = HyperparameterEmitter.Exposed(shell).Select(p => p.Name).ToList();
        var missing = exposed.Where(name => !type.GetMembers(name).Any(TypeShapes.IsNetGenGenerated)).ToList();
        var mentioned = missing.Count > 0 && forward.DescendantTokens().Any(t => t.IsKind(SyntaxKind.IdentifierToken) && missing.Contains(t.ValueText));
        if (!mentioned || missing.Count != exposed.Count)
        {
            return compilation.GetSemanticModel(forward.SyntaxTree);
        }

        var writer = new SourceWriter();
        ShellWriter.Open(writer, shell, implementsInterfaces: false);
        HyperparameterEmitter.EmitFields(writer, shell);
        HyperparameterEmitter.EmitProperties(writer, shell);
        ShellWriter.Close(writer, shell);
        var options = (CSharpParseOptions)forward.SyntaxTree.Options;
        var stub = CSharpSyntaxTree.ParseText(writer.ToString(), options, path: TypeShapes.GeneratedPathFor("binding/" + shell.HintName));
        return compilation.AddSyntaxTrees(stub).GetSemanticModel(forward.SyntaxTree);
    }
}
