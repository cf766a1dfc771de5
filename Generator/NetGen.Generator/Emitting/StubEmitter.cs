using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Writes the partial of a model whose declaration has errors: every member the user declared is
/// implemented, by code that throws, so the build shows NetGen's errors and no follow-on C# errors about
/// missing implementations. Nothing here runs in a model that builds.
/// </summary>
internal static class StubEmitter
{
    /// <param name="analyzed">The model's analysis, where it got that far (a size it could not infer): its keys are still known.</param>
    public static string Emit(ModelShell shell, Analysis.AnalyzedModel? analyzed = null)
    {
        var writer = new SourceWriter();
        // A member the user gave a generated member's name (NG0011) keeps it, and the interfaces would then be
        // unmet; one a base class declares (a model deriving from a model, NG0018) is inherited as it is.
        bool Free(string name) => !shell.TakenNames.Contains(name) && !shell.InheritedNames.Contains(name);
        ShellWriter.Open(writer, shell, implementsInterfaces: !shell.TakenNames.Contains("init_weights") && !shell.TakenNames.Contains("StateSchema"));
        var failure = $"throw new global::System.InvalidOperationException({Identifiers.Literal($"NetGen did not generate '{shell.Name}' because its declaration has errors (NG diagnostics in the build output).")})";

        // The user's partial constructor needs its implementation; a constructor of their own (NG0007) stands alone.
        if (shell.HasPartialConstructor || !shell.DeclaresOtherConstructor)
        {
            writer.Line("/// <summary>Not generated: the declaration has errors (see the NG diagnostics).</summary>");
            writer.OpenBlock(ShellWriter.ConstructorSignature(shell));
            writer.Line(failure + ";");
            writer.CloseBlock();
        }

        foreach (var property in shell.PartialProperties)
        {
            var isStatic = property.IsStatic ? "static " : "";
            var accessors = string.Join(" ", property.Accessors.Split(' ').Select(a => a + " => " + failure + ";"));
            writer.Line($"{property.Accessibility} {property.InheritanceModifiers}{isStatic}partial {property.DeclaredType} {Identifiers.Escape(property.Name)} {{ {accessors} }}");
        }

        if (Free("init_weights"))
        {
            writer.Line("/// <summary>Not generated: the declaration has errors.</summary>");
            writer.Line("public void init_weights() => " + failure + ";");
            writer.Line("/// <inheritdoc />");
            writer.Line("public void init_weights(global::NetGen.InitPlan inherited) => " + failure + ";");
        }

        if (Free("Summary"))
        {
            writer.Line("/// <summary>Not generated: the declaration has errors.</summary>");
            writer.Line("public static global::NetGen.ModelSummary Summary => " + failure + ";");
        }

        if (Free("StateSchema"))
        {
            writer.Line("/// <inheritdoc />");
            writer.Line("public global::System.Collections.Generic.IReadOnlyList<global::NetGen.StateEntry> StateSchema => " + failure + ";");
        }

        // The keys are names, known where a size is not: code that uses them does not fail as well while the error is fixed.
        if (analyzed is not null && Free("Keys"))
        {
            KeysEmitter.Emit(writer, analyzed.State.Where(e => e.IsCertain).Select(e => e.Key), analyzed.OpaquePrefixes);
        }

        if (!shell.DeclaresForward && !shell.TakenNames.Contains("forward"))
        {
            writer.Line("/// <summary>Not generated: the declaration has errors.</summary>");
            writer.Line("public override global::TorchSharp.torch.Tensor forward(global::TorchSharp.torch.Tensor input) => " + failure + ";");
        }

        ShellWriter.Close(writer, shell);
        return writer.ToString();
    }
}
