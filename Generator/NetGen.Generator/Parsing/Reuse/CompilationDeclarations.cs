using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Parsing;

/// <summary>
/// A compilation as far as the meaning of its declarations goes: options, assembly name, references and each
/// file's <see cref="TreeDeclarations"/>, which are read only when two compilations are compared and a file's
/// declarations changed (a build, which compares nothing, reads none). It holds no symbol and no compilation.
/// </summary>
internal sealed class CompilationDeclarations
{
    private static readonly ConditionalWeakTable<Compilation, CompilationDeclarations> PerCompilation = new();

    /// <summary>
    /// Methods the compiler calls by name where the source does not write it (foreach, await, deconstruction,
    /// collection initializers, queries, interpolated strings): a declaration of one may change a use no name shows.
    /// </summary>
    private static readonly HashSet<string> BoundByPattern = new(StringComparer.Ordinal)
    {
        "GetEnumerator", "GetAsyncEnumerator", "MoveNext", "MoveNextAsync", "Current", "Dispose", "DisposeAsync",
        "GetAwaiter", "GetResult", "IsCompleted", "OnCompleted", "Deconstruct", "Add", "Create", "Select", "SelectMany",
        "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "GroupBy", "Join", "GroupJoin", "Cast",
        "Slice", "Length", "Count", "Item", "Invoke", "GetPinnableReference", "AppendLiteral", "AppendFormatted",
        "Equals", "GetHashCode", "ToString", "Finalize",
    };

    private readonly CompilationOptions _options;
    private readonly string? _assemblyName;
    private readonly ImmutableArray<MetadataReference> _references;
    private readonly ImmutableArray<SyntaxTree> _trees;
    private readonly HashSet<SyntaxTree> _treeSet;
    private Comparison? _lastComparison;

    private CompilationDeclarations(Compilation compilation)
    {
        _options = compilation.Options;
        _assemblyName = compilation.AssemblyName;
        _references = compilation.References.ToImmutableArray();
        // NetGen's own output is left out, so that the compilation an analyzer sees, which adds it, compares as the
        // generator's: NetGen's parse never reads what it generated (TypeShapes.IsNetGenGenerated).
        _trees = compilation.SyntaxTrees.Where(t => !TypeShapes.IsNetGenTree(t)).ToImmutableArray();
        _treeSet = new HashSet<SyntaxTree>(_trees);
    }

    public static CompilationDeclarations Of(Compilation compilation) => PerCompilation.GetValue(compilation, static c => new CompilationDeclarations(c));

    public bool Contains(SyntaxTree tree) => _treeSet.Contains(tree);

    /// <summary>The project's name, by which <see cref="EarlierBuilds"/> knows its earlier compilations.</summary>
    public string? AssemblyName => _assemblyName;

    /// <summary>The one file at <paramref name="path"/>; null when there is none, or more than one.</summary>
    public SyntaxTree? TreeAt(string path)
    {
        var byPath = Volatile.Read(ref _byPath);
        if (byPath is null)
        {
            byPath = _trees.GroupBy(t => t.FilePath, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count() == 1 ? g.First() : null, StringComparer.Ordinal);
            Volatile.Write(ref _byPath, byPath);
        }

        return byPath.TryGetValue(path, out var tree) ? tree : null;
    }

    private Dictionary<string, SyntaxTree?>? _byPath;

    /// <summary>Whether some file has a <c>global using X = …;</c>, by which any file may name any type.</summary>
    public bool HasGlobalAliases => _hasGlobalAliases ??= _trees.Any(UsingAliases.HasGlobal);

    private bool? _hasGlobalAliases;

    /// <summary>
    /// Which of this compilation's files may read differently than they did in <paramref name="earlier"/>, or
    /// <see cref="DeclarationChanges.Everything"/>. Computed once per pair: every model of a keystroke asks the same.
    /// </summary>
    public DeclarationChanges Since(CompilationDeclarations earlier)
    {
        if (ReferenceEquals(earlier, this))
        {
            return DeclarationChanges.None;
        }

        if (Volatile.Read(ref _lastComparison) is { } last && last.Earlier.TryGetTarget(out var compared) && ReferenceEquals(compared, earlier))
        {
            return last.Changes;
        }

        var changes = Compare(earlier);
        Volatile.Write(ref _lastComparison, new Comparison(new WeakReference<CompilationDeclarations>(earlier), changes));
        return changes;
    }

    /// <summary>
    /// The last comparison made, replaced whole so that concurrent runs see one or the other. The earlier compilation
    /// is held weakly: each keystroke's compilation would otherwise keep every one before it, and its files, alive.
    /// </summary>
    private sealed record Comparison(WeakReference<CompilationDeclarations> Earlier, DeclarationChanges Changes);

    private DeclarationChanges Compare(CompilationDeclarations earlier)
    {
        if (!SameMeaning(_options, earlier._options) || _assemblyName != earlier._assemblyName
            || _references.Length != earlier._references.Length || _references.Where((r, i) => !SameReference(r, earlier._references[i])).Any())
        {
            return DeclarationChanges.Everything;
        }

        // An edited file is a removed tree and an added one of the same path; a branch switch replaces thousands at once.
        var removed = earlier._trees.Where(t => !_treeSet.Contains(t)).GroupBy(t => t.FilePath, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new Queue<SyntaxTree>(g), StringComparer.Ordinal);
        var changedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tree in _trees.Where(t => !earlier._treeSet.Contains(t)))
        {
            var before = removed.TryGetValue(tree.FilePath, out var samePath) && samePath.Count > 0 ? samePath.Dequeue() : null;
            if (!ChangedNames(before is null ? null : TreeDeclarations.Of(before), TreeDeclarations.Of(tree), changedNames))
            {
                return DeclarationChanges.Everything;
            }
        }

        foreach (var tree in removed.Values.SelectMany(q => q))
        {
            if (!ChangedNames(TreeDeclarations.Of(tree), null, changedNames))
            {
                return DeclarationChanges.Everything;
            }
        }

        if (changedNames.Overlaps(BoundByPattern))
        {
            return DeclarationChanges.Everything;
        }

        return new DeclarationChanges(false, ReadDifferently(changedNames));
    }

    /// <summary>
    /// Whether two compilations' options give declarations the same meaning. A command-line build makes new resolvers
    /// and providers each time, which decide how files are found and signed and how severe a diagnostic is, not what a
    /// declaration means; some cannot even be compared (the compiler's own reference resolver throws from Equals). So
    /// they are left out, and where options still cannot be compared, they count as changed.
    /// </summary>
    private static bool SameMeaning(CompilationOptions now, CompilationOptions before)
    {
        if (ReferenceEquals(now, before))
        {
            return true;
        }

        try
        {
            return WithoutResolvers(now).Equals(WithoutResolvers(before));
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _ = exception;
            return false;
        }
    }

    private static CompilationOptions WithoutResolvers(CompilationOptions options) => options
        .WithMetadataReferenceResolver(null).WithSourceReferenceResolver(null).WithXmlReferenceResolver(null)
        .WithStrongNameProvider(null).WithSyntaxTreeOptionsProvider(null);

    /// <summary>
    /// The same reference, or the same file's metadata: the compiler server makes new reference objects for each build
    /// but loads a file once while its timestamp stays, and Roslyn's metadata id says which load a reference reads.
    /// </summary>
    private static bool SameReference(MetadataReference now, MetadataReference before)
    {
        if (ReferenceEquals(now, before))
        {
            return true;
        }

        if (now is not PortableExecutableReference nowFile || before is not PortableExecutableReference beforeFile || !nowFile.Properties.Equals(beforeFile.Properties))
        {
            return false;
        }

        try
        {
            return ReferenceEquals(nowFile.GetMetadataId(), beforeFile.GetMetadataId());
        }
        catch (Exception exception) when (exception is BadImageFormatException or System.IO.IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>
    /// Adds the names whose declarations differ between the two versions of a file (either may be absent), with
    /// the types around them; false when the difference can reach files that name none of them.
    /// </summary>
    private static bool ChangedNames(TreeDeclarations? before, TreeDeclarations? now, HashSet<string> names)
    {
        if (before is not null && now is not null && string.Equals(before.Text, now.Text, StringComparison.Ordinal))
        {
            return true;
        }

        if (before?.HasUnnamedReach == true || now?.HasUnnamedReach == true)
        {
            return false;
        }

        if (before is null || now is null || !string.Equals(before.FileLevel, now.FileLevel, StringComparison.Ordinal))
        {
            // New usings or namespaces change how every declaration of the file binds.
            names.UnionWith(before?.Declared ?? Enumerable.Empty<string>());
            names.UnionWith(now?.Declared ?? Enumerable.Empty<string>());
            return true;
        }

        foreach (var name in before.Entities.Keys.Concat(now.Entities.Keys).Distinct(StringComparer.Ordinal))
        {
            before.Entities.TryGetValue(name, out var was);
            now.Entities.TryGetValue(name, out var @is);
            if (!string.Equals(was?.Text, @is?.Text, StringComparison.Ordinal))
            {
                names.UnionWith(TreeDeclarations.WithAttributeStem(name));
                names.UnionWith(was?.Containers ?? ImmutableHashSet<string>.Empty);
                names.UnionWith(@is?.Containers ?? ImmutableHashSet<string>.Empty);
            }
        }

        return true;
    }

    /// <summary>
    /// The files that mention a changed name or declare part of a changed type, and, since what they declare may
    /// now bind differently, the files that mention what those declare outside bodies, to the fixed point.
    /// </summary>
    private ImmutableHashSet<SyntaxTree> ReadDifferently(HashSet<string> changedNames)
    {
        if (changedNames.Count == 0)
        {
            return ImmutableHashSet<SyntaxTree>.Empty;
        }

        var frontier = changedNames.ToList();
        var reached = new HashSet<SyntaxTree>();
        while (frontier.Count > 0)
        {
            var next = new List<string>();
            foreach (var tree in _trees)
            {
                var declarations = TreeDeclarations.Of(tree);
                // A file that declares part of a changed type reads differently too: the type is one across its files.
                if (!reached.Contains(tree) && frontier.Any(n => declarations.MentionedByDeclarations.Contains(n) || declarations.DeclaredTypes.Contains(n)))
                {
                    reached.Add(tree);
                    next.AddRange(declarations.Declared.Where(changedNames.Add));
                }
            }

            frontier = next;
        }

        // A model reads its own bodies too (its forward, its factories), so a mention there counts for its own file.
        return _trees.Where(t => reached.Contains(t) || TreeDeclarations.Of(t).Mentioned.Overlaps(changedNames)).ToImmutableHashSet();
    }
}

/// <summary>What an edit may have changed: everything, or the files listed.</summary>
internal sealed record DeclarationChanges(bool All, ImmutableHashSet<SyntaxTree> Files)
{
    public static readonly DeclarationChanges None = new(false, ImmutableHashSet<SyntaxTree>.Empty);

    public static readonly DeclarationChanges Everything = new(true, ImmutableHashSet<SyntaxTree>.Empty);

    public bool MayHaveChanged(SyntaxTree file) => All || Files.Contains(file);
}
