using System.Linq;
using NetGen.Generator.Descriptors;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Writes the assembly attribute that describes a model to projects referencing this assembly, so their
/// generator checks and infers across the boundary as within one project.
/// </summary>
internal static class DescriptorEmitter
{
    /// <summary>
    /// The attribute, or null for a model no assembly-level attribute can name (private, protected or
    /// file-local somewhere out to the namespace): no other assembly can use it as a block either.
    /// </summary>
    public static string? AssemblyAttribute(ModelSpec model) => model.Shell.IsVisibleAtAssemblyLevel
        ? $"[assembly: global::NetGen.ModelDescriptor(typeof({UnboundName(model.Shell)}), {Identifiers.Literal(ModelDescriptor.Write(model))})]"
        : null;

    /// <summary>The type for <c>typeof</c>: a generic model, or one nested in a generic type, in its open form (<c>Outer&lt;&gt;.Box&lt;,&gt;</c>).</summary>
    private static string UnboundName(ModelShell shell) =>
        "global::" + (shell.Namespace is null ? "" : shell.Namespace + ".")
        + string.Concat(shell.ContainingTypes.Select(t => Open(t.NameWithTypeParameters) + ".")) + Open(shell.Declaration.NameWithTypeParameters);

    /// <summary><c>Box&lt;,&gt;</c> for <c>Box&lt;TIn, TOut&gt;</c>; a name without type parameters as it is.</summary>
    private static string Open(string nameWithTypeParameters)
    {
        var at = nameWithTypeParameters.IndexOf('<');
        return at < 0 ? nameWithTypeParameters : nameWithTypeParameters.Substring(0, at) + "<" + new string(',', nameWithTypeParameters.Count(c => c == ',')) + ">";
    }
}
