using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Analysis;

/// <summary>
/// The models one model's analysis may need: itself and the blocks it uses, directly or through others.
/// A model's analysis depends on nothing else, so an edit elsewhere leaves it cached. The walk keeps a
/// visited set, so blocks that use each other end it rather than loop (the analysis reports the cycle), and
/// it goes no deeper than the shape walk follows blocks (<see cref="ShapeWalker.MaxNesting"/>, plus the level
/// it refuses), so a long chain of models costs each model a bounded catalog.
/// </summary>
internal static class Dependencies
{
    /// <summary>The type names of the blocks a model uses itself.</summary>
    public static IEnumerable<string> Direct(ModelSpec model)
    {
        foreach (var member in model.Members)
        {
            if (member.Kind == MemberKind.Block)
            {
                yield return member.TypeName;
            }

            foreach (var repeat in member.Repeats)
            {
                yield return repeat.BlockType;
            }

            // A field NetGen reads may hold a block too: new ConvBnAct(16), or one in an nn.Sequential(…), nested or not.
            foreach (var layer in Flattened(member.Layers.Concat(member.KnownChildren).Concat(member.KnownLayer is { } known ? new[] { known } : Array.Empty<LayerSpec>())))
            {
                if (layer.BlockType is { } blockType)
                {
                    yield return blockType;
                }
            }
        }
    }

    /// <summary>The layers and, for a Sequential nested in a field's initializer, its children, all the way down (the reader bounds the depth).</summary>
    private static IEnumerable<LayerSpec> Flattened(IEnumerable<LayerSpec> layers) =>
        layers.SelectMany(layer => layer.Children.IsEmpty ? new[] { layer } : new[] { layer }.Concat(Flattened(layer.Children)));

    public static ModelCatalog Closure(ModelSpec model, Func<string, ModelSpec?> find)
    {
        var found = new Dictionary<string, ModelSpec>(StringComparer.Ordinal) { [model.FullyQualifiedName] = model };
        var pending = new Queue<(ModelSpec Model, int Depth)>();
        pending.Enqueue((model, 0));
        while (pending.Count > 0)
        {
            var (next, depth) = pending.Dequeue();
            if (depth > ShapeWalker.MaxNesting)
            {
                continue;
            }

            foreach (var name in Direct(next))
            {
                if (!found.ContainsKey(name) && find(name) is { } block)
                {
                    found[name] = block;
                    pending.Enqueue((block, depth + 1));
                }
            }
        }

        return new ModelCatalog(found.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => p.Value).ToEquatableArray());
    }
}
