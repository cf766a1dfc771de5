using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Checks the names of a Sequential's children: each key must be one child's.</summary>
internal static class SequentialChildren
{
    /// <summary>The first named child whose name cannot be its key, and why; null when every name is fine.</summary>
    public static (LayerSpec Layer, string Why)? NameProblem(IReadOnlyList<LayerSpec> children, bool inStageTable)
    {
        var taken = new HashSet<string>(System.StringComparer.Ordinal);
        for (var i = 0; i < children.Count; i++)
        {
            var name = children[i].Name;
            if (name is null)
            {
                continue;
            }

            if (inStageTable)
            {
                return (children[i], "a stage table adds its body once per row, so a named child would take the same name in every row; leave it unnamed (its position)");
            }

            if (!taken.Add(name))
            {
                return (children[i], $"another child of the Sequential is already named '{name}'");
            }
        }

        return null;
    }
}
