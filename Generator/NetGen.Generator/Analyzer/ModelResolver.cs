using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Analysis;
using NetGen.Generator.Descriptors;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Analyzer;

/// <summary>
/// The analyzer's view of the models of one compilation: each model parsed once, on demand, with the block
/// types it uses; the models of referenced assemblies read from their descriptors once. A model's catalog is
/// built from the types it uses, so no scan of the whole compilation is ever needed.
/// </summary>
internal sealed class ModelResolver
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<INamedTypeSymbol, (ModelParseResult Result, IReadOnlyList<INamedTypeSymbol> Uses)> _parsed = new(SymbolEqualityComparer.Default);
    private readonly Lazy<ReferencedModelSet> _referencedSet;
    private readonly Lazy<Dictionary<string, ModelSpec>> _referenced;

    public ModelResolver(Compilation compilation)
    {
        _compilation = compilation;
        _referencedSet = new Lazy<ReferencedModelSet>(() => ReferencedModels.Read(compilation, CancellationToken.None), LazyThreadSafetyMode.ExecutionAndPublication);
        _referenced = new Lazy<Dictionary<string, ModelSpec>>(() =>
            _referencedSet.Value.Models.GroupBy(m => m.FullyQualifiedName, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The model's parse result; null for a type that is not a NetGen model of this compilation.</summary>
    public ModelParseResult? Parse(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        ParseWithUses(type, cancellationToken)?.Result;

    /// <summary>The model and every block it uses, found through the types each uses.</summary>
    public ModelCatalog CatalogFor(INamedTypeSymbol type, ModelSpec model, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ModelSpec>(StringComparer.Ordinal) { [model.FullyQualifiedName] = model };
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default) { type };
        var pending = new Queue<INamedTypeSymbol>(ParseWithUses(type, cancellationToken)?.Uses ?? Array.Empty<INamedTypeSymbol>());
        while (pending.Count > 0)
        {
            var block = pending.Dequeue();
            if (!seen.Add(block))
            {
                continue;
            }

            if (ParseWithUses(block, cancellationToken) is { } local)
            {
                if (local.Result.Model is { } spec)
                {
                    found[spec.FullyQualifiedName] = spec;
                }

                foreach (var next in local.Uses)
                {
                    pending.Enqueue(next);
                }
            }
            else if (_referenced.Value.TryGetValue(block.ToDisplayString(TypeShapes.FullyQualified), out var foreign))
            {
                found[foreign.FullyQualifiedName] = foreign;
                foreach (var name in Dependencies.Direct(foreign))
                {
                    if (_referenced.Value.TryGetValue(name, out var nested))
                    {
                        found[nested.FullyQualifiedName] = nested;
                    }
                }
            }
        }

        // Blocks used by referenced models are themselves referenced models; close over them by name.
        var catalog = Dependencies.Closure(model, name => found.TryGetValue(name, out var spec) ? spec : _referenced.Value.TryGetValue(name, out var other) ? other : null);
        return _referencedSet.Value.Complete(catalog);
    }

    private (ModelParseResult Result, IReadOnlyList<INamedTypeSymbol> Uses)? ParseWithUses(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        var definition = type.OriginalDefinition;
        if (_parsed.TryGetValue(definition, out var cached))
        {
            return cached;
        }

        if (!SymbolEqualityComparer.Default.Equals(definition.ContainingAssembly, _compilation.Assembly) || ModelDeclarations.Primary(definition) is not { } declaration)
        {
            return null;
        }

        var uses = new List<INamedTypeSymbol>();
        var result = ModelAnalysis.Parse(definition, declaration, _compilation, cancellationToken, uses);
        return _parsed.GetOrAdd(definition, (result, uses));
    }
}
