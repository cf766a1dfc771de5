using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Analysis;
using NetGen.Generator.Descriptors;
using NetGen.Generator.Model;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Analyzer;

/// <summary>
/// The analyzer's view of the models of one compilation: each model parsed once, on demand (or taken from the
/// generator's parse, <see cref="ParseReuse"/>), with the block types it uses; the models of referenced assemblies read
/// from their descriptors once. A model's catalog is
/// built from the types it uses, so no scan of the whole compilation is ever needed.
/// </summary>
internal sealed class ModelResolver
{
    private readonly Compilation _compilation;
    private readonly ConcurrentDictionary<INamedTypeSymbol, (ModelParseResult Result, ImmutableArray<ModelUse> Uses)> _parsed = new(SymbolEqualityComparer.Default);
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
        var seen = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default) { type.OriginalDefinition };
        var seenForeign = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<ModelUse>(ParseWithUses(type, cancellationToken)?.Uses ?? ImmutableArray<ModelUse>.Empty);
        while (pending.Count > 0)
        {
            var use = pending.Dequeue();
            var block = use.InSource(_compilation);
            if (block is not null ? !seen.Add(block) : !seenForeign.Add(use.DisplayName))
            {
                continue;
            }

            if (block is not null && ParseWithUses(block, cancellationToken) is { } local)
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
            else if (_referenced.Value.TryGetValue(use.DisplayName, out var foreign))
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

    /// <summary>
    /// The model's parse and the block types it uses. A parse the generator made of the same declarations in this build
    /// or keystroke answers when it read no body (<see cref="ParseReuse"/>): the compilation the analyzer sees adds
    /// NetGen's output to the one the generator read, which only a body (a hand-written forward) can use.
    /// </summary>
    private (ModelParseResult Result, ImmutableArray<ModelUse> Uses)? ParseWithUses(INamedTypeSymbol type, CancellationToken cancellationToken)
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

        // Every reading the analyzer may take has a result: its own parses always do, and it takes the generator's only
        // for a model NetGen read (ParseReuse.Reading.ReadsNoBody).
        var reading = ParseReuse.SharedOrParse(declaration, CompilationDeclarations.Of(_compilation),
            () => ParseReuse.FreshParse.Of(definition, declaration, _compilation, cancellationToken));
        return _parsed.GetOrAdd(definition, (reading.Result!, reading.Uses));
    }
}
