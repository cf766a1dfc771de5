using System;
using System.Collections.Generic;
using NetGen.Generator.Analysis;
using NetGen.Generator.Descriptors;
using NetGen.Generator.Model;

namespace NetGen.Generator;

/// <summary>
/// Every model the generator can see: this compilation's, then those described by referenced assemblies.
/// Equal by content, so the pipeline caches on it; the lookup table is built on first use.
/// </summary>
internal sealed class ModelIndex : IEquatable<ModelIndex>
{
    private Dictionary<string, ModelSpec>? _byName;

    public ModelIndex(EquatableArray<ModelSpec> local, ReferencedModelSet referenced)
    {
        Local = local;
        Referenced = referenced;
    }

    public EquatableArray<ModelSpec> Local { get; }

    public ReferencedModelSet Referenced { get; }

    public ModelSpec? Find(string fullyQualifiedName)
    {
        if (_byName is null)
        {
            var byName = new Dictionary<string, ModelSpec>(StringComparer.Ordinal);
            foreach (var model in Referenced.Models)
            {
                byName[model.FullyQualifiedName] = model;
            }

            foreach (var model in Local)
            {
                byName[model.FullyQualifiedName] = model;
            }

            _byName = byName;
        }

        return _byName.TryGetValue(fullyQualifiedName, out var found) ? found : null;
    }

    /// <summary>The models <paramref name="model"/>'s analysis may look up, and the unreadable ones it uses.</summary>
    public ModelCatalog CatalogFor(ModelSpec model) => Referenced.Complete(Dependencies.Closure(model, Find));

    public bool Equals(ModelIndex? other) => other is not null && Local == other.Local && Referenced == other.Referenced;

    public override bool Equals(object? obj) => Equals(obj as ModelIndex);

    public override int GetHashCode() => unchecked(Local.GetHashCode() * 31 + Referenced.GetHashCode());
}
