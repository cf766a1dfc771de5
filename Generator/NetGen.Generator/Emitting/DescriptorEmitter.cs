using NetGen.Generator.Descriptors;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Writes the assembly attribute that describes a model to projects referencing this assembly, so their
/// generator checks and infers across the boundary as within one project.
/// </summary>
internal static class DescriptorEmitter
{
    public static string AssemblyAttribute(ModelSpec model) =>
        $"[assembly: global::NetGen.ModelDescriptor(typeof({UnboundName(model)}), {Identifiers.Literal(ModelDescriptor.Write(model))})]";

    /// <summary>The type for <c>typeof</c>: a generic model as its open form, <c>Box&lt;&gt;</c>.</summary>
    private static string UnboundName(ModelSpec model)
    {
        var shell = model.Shell;
        string Open(string name) => name.IndexOf('<') is var at and >= 0 ? name.Substring(0, at) + "<" + new string(',', name.Split(',').Length - 1) + ">" : name;
        return "global::" + (shell.Namespace is null ? "" : shell.Namespace + ".")
            + string.Concat(System.Linq.Enumerable.Select(shell.ContainingTypes, t => Open(t.NameWithTypeParameters) + ".")) + Open(shell.Declaration.NameWithTypeParameters);
    }
}
