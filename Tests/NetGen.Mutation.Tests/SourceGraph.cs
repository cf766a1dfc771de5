using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Mutation;

/// <summary>
/// Which sample files use types declared in which others. A mutant is compiled with only the files it can change
/// the meaning of (every file that uses its file, directly or not) and the files those need, rather than with all
/// of them: compiling, analysing and emitting the whole set took most of a mutant's time, and a file that does not
/// use the mutated one compiles, checks and runs exactly as in the original set, which is clean.
/// </summary>
public sealed class SourceGraph
{
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _uses;
    private readonly IReadOnlyDictionary<string, IReadOnlySet<string>> _usedBy;

    private SourceGraph(IReadOnlyDictionary<string, IReadOnlySet<string>> uses)
    {
        _uses = uses;
        _usedBy = uses.Keys.ToDictionary(
            file => file,
            file => (IReadOnlySet<string>)uses.Where(u => u.Value.Contains(file)).Select(u => u.Key).ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>The graph of a compilation's trees, by file path.</summary>
    public static SourceGraph Of(Compilation compilation) =>
        new(compilation.SyntaxTrees.ToDictionary(
            tree => tree.FilePath,
            tree => FilesUsedBy(compilation, tree),
            StringComparer.Ordinal));

    /// <summary>
    /// The files a mutant of <paramref name="file"/> needs compiled: the file, every file that uses it and every file
    /// <paramref name="alsoRun"/> names (the roots that run it), with all that those use. <paramref name="mutantUses"/>
    /// are the files the mutated text itself uses, which an edit may have changed (a block swapped for another).
    /// </summary>
    public IReadOnlySet<string> NeededFor(string file, IEnumerable<string> mutantUses, IEnumerable<string> alsoRun)
    {
        var affected = Closure([file], f => _usedBy.TryGetValue(f, out var users) ? users : []);
        return Closure(affected.Concat(alsoRun).Concat(mutantUses), f => f == file ? mutantUses : _uses.TryGetValue(f, out var used) ? used : []);
    }

    /// <summary>The sample files whose types <paramref name="tree"/> names (not itself, not referenced assemblies).</summary>
    public static IReadOnlySet<string> FilesUsedBy(Compilation compilation, SyntaxTree tree)
    {
        var semantics = compilation.GetSemanticModel(tree);
        var files = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in tree.GetRoot().DescendantNodes().OfType<SimpleNameSyntax>())
        {
            var info = semantics.GetSymbolInfo(name);
            var symbol = info.Symbol ?? info.CandidateSymbols.FirstOrDefault();
            var type = symbol as INamedTypeSymbol ?? symbol?.ContainingType;
            // A generic's definition is where its declaration is; each outer type a nested one sits in counts too.
            for (var t = type?.OriginalDefinition; t is not null; t = t.ContainingType)
            {
                foreach (var location in t.Locations.Where(l => l.IsInSource && l.SourceTree != tree))
                {
                    files.Add(location.SourceTree!.FilePath);
                }
            }
        }

        return files;
    }

    /// <summary>Everything reachable from <paramref name="start"/> through <paramref name="next"/>; a worklist, so cycles end.</summary>
    private static HashSet<string> Closure(IEnumerable<string> start, Func<string, IEnumerable<string>> next)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var work = new Stack<string>(start);
        while (work.Count > 0)
        {
            var file = work.Pop();
            if (seen.Add(file))
            {
                foreach (var other in next(file))
                {
                    work.Push(other);
                }
            }
        }

        return seen;
    }
}
