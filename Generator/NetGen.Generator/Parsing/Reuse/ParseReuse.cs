using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Keeps a model's parse from one compilation to the next while nothing it reads has changed. Roslyn runs every
/// <c>[Model]</c> class's parse again on every keystroke, because each compilation binds afresh.
///
/// A parse is reused when the model's declaration is the same syntax node (so its file is the same text), every
/// other file that declares the model is still in the compilation, and no file of the model may read differently
/// (<see cref="CompilationDeclarations.Since"/>): no edit outside bodies and comments elsewhere changed a name its
/// files mention, directly or through the declarations they use. NetGen reads bodies only of the model's own
/// members (its forward, its factories), which its own files cover. Any doubt is a new parse: a parse costs time,
/// a stale one a wrong model.
///
/// A command-line build parses every file again, so its declarations are new nodes; <see cref="EarlierBuilds"/> finds the
/// last build's reading of the same file and place, which is carried over on the same conditions.
///
/// The analyzer asks too. Its compilation is the generator's plus NetGen's output, which NetGen's parse never reads,
/// so a build parses a model once, where it parsed it twice, unless the model has a body that may use the output.
/// </summary>
internal static class ParseReuse
{
    private static readonly ConditionalWeakTable<ClassDeclarationSyntax, Holder> Parses = new();

    /// <summary>Raised for each model actually parsed, so that tests can see which models a compilation re-read.</summary>
    internal static event Action<ClassDeclarationSyntax>? Parsed;

    /// <param name="parse">The reading itself (<see cref="FreshParse"/>).</param>
    public static Reading GetOrParse(ClassDeclarationSyntax declaration, CompilationDeclarations current, Func<FreshParse> parse)
    {
        var holder = Parses.GetValue(declaration, static _ => new Holder());
        var last = Volatile.Read(ref holder.Last);
        var reading = last is not null
            ? (last.StillHolds(current) ? last with { Compilation = current } : null)
            : CarriedFromEarlierBuild(declaration, current);
        reading ??= Read(declaration, current, parse);
        Volatile.Write(ref holder.Last, reading);
        EarlierBuilds.Remember(declaration, reading);
        return reading;
    }

    /// <summary>
    /// A declaration seen for the first time may still be one an earlier build read, in a file parsed again with the
    /// same text. Only a shortcut: where anything goes wrong in finding it, the model is parsed.
    /// </summary>
    private static Reading? CarriedFromEarlierBuild(ClassDeclarationSyntax declaration, CompilationDeclarations current)
    {
        try
        {
            return EarlierBuilds.Find(declaration, current);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            _ = exception;
            return null;
        }
    }

    /// <summary>
    /// For the analyzer: the generator's reading where it read no body (<see cref="Reading.ReadsNoBody"/>) and still
    /// holds; otherwise a parse of its own, which is not kept. The analyzer's compilation adds NetGen's output, which a
    /// body may use (<c>Keys</c>, a hyperparameter property), so a reading made there must never answer the generator;
    /// and an analyzer that runs on some compilations only (an IDE's, on open files) must not keep an old one alive.
    /// </summary>
    public static Reading SharedOrParse(ClassDeclarationSyntax declaration, CompilationDeclarations current, Func<FreshParse> parse) =>
        Parses.TryGetValue(declaration, out var holder) && Volatile.Read(ref holder.Last) is { ReadsNoBody: true } last && last.StillHolds(current)
            ? last
            : Read(declaration, current, parse);

    private static Reading Read(ClassDeclarationSyntax declaration, CompilationDeclarations current, Func<FreshParse> parse)
    {
        var fresh = parse();
        if (fresh.Result is not null)
        {
            Parsed?.Invoke(declaration);
        }

        // NetGen's own output is left out: its parse never reads what it generated (TypeShapes.IsNetGenGenerated).
        var files = (fresh.Type is null ? new[] { declaration.SyntaxTree } : fresh.Type.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Distinct())
            .Where(t => !TypeShapes.IsNetGenTree(t))
            .Select(t => new WeakReference<SyntaxTree>(t)).ToImmutableArray();
        return new Reading(current, files, fresh.Result, fresh.Uses);
    }

    /// <summary>What a parse made: <see cref="Type"/> is the class's symbol, whose files the result depends on (null when there is none).</summary>
    public readonly record struct FreshParse(ModelParseResult? Result, INamedTypeSymbol? Type, ImmutableArray<ModelUse> Uses)
    {
        /// <summary>The model parsed, with the block types it uses: how the generator and the analyzer each read a model.</summary>
        public static FreshParse Of(INamedTypeSymbol type, ClassDeclarationSyntax declaration, Compilation compilation, CancellationToken cancellationToken)
        {
            var uses = new List<INamedTypeSymbol>();
            var result = ModelAnalysis.Parse(type, declaration, compilation, cancellationToken, uses);
            return new FreshParse(result, type, ModelUse.Of(uses));
        }

        /// <summary>No model to parse; <paramref name="type"/> is the class's symbol where there is one.</summary>
        public static FreshParse NoModel(INamedTypeSymbol? type) => new(null, type, ImmutableArray<ModelUse>.Empty);
    }

    /// <summary>One slot per declaration, replaced whole, so that concurrent runs see one reading or the other.</summary>
    private sealed class Holder
    {
        public Reading? Last;
    }

    /// <summary>
    /// A parse and the compilation it was made in (or last found to hold in): the result (null for a class that is no
    /// model, or not the model's primary declaration) and the block types it uses.
    /// </summary>
    public sealed record Reading(CompilationDeclarations Compilation, ImmutableArray<WeakReference<SyntaxTree>> Files, ModelParseResult? Result, ImmutableArray<ModelUse> Uses)
    {
        /// <summary>
        /// Whether the parse read declarations alone: a model with no hand-written forward, no [Factory] and no static
        /// factories, whose bodies could use what NetGen generates. A model NetGen refused or failed to read is left
        /// out too, so that the analyzer reports its errors (and NG0099) from its own reading.
        /// </summary>
        public bool ReadsNoBody { get; } = Result is { Model: { } model, Shell.DeclaresForward: false }
            && model.Forward is null && model.Variants.IsEmpty && !model.Members.Any(m => m.Kind == MemberKind.Factory);

        /// <summary>
        /// This reading for <paramref name="current"/>, a compilation whose files were all parsed again (the next build):
        /// each of the model's files is there again at its path, with the same text and parse options, and none may read
        /// differently. Null where any is not.
        /// </summary>
        public Reading? CarriedTo(CompilationDeclarations current)
        {
            var changes = current.Since(Compilation);
            if (changes.All)
            {
                return null;
            }

            var files = ImmutableArray.CreateBuilder<WeakReference<SyntaxTree>>(Files.Length);
            foreach (var file in Files)
            {
                if (!file.TryGetTarget(out var before) || Compilation.TreeAt(before.FilePath) != before
                    || current.TreeAt(before.FilePath) is not { } now || changes.MayHaveChanged(now) || !SameSource(before, now))
                {
                    return null;
                }

                files.Add(new WeakReference<SyntaxTree>(now));
            }

            return new Reading(current, files.MoveToImmutable(), Result, Uses);
        }

        /// <summary>The same text read the same way: parse options decide which <c>#if</c> branches a body has.</summary>
        private static bool SameSource(SyntaxTree before, SyntaxTree now) =>
            ReferenceEquals(before, now) || (before.Options.Equals(now.Options) && before.GetText().ContentEquals(now.GetText()));

        public bool StillHolds(CompilationDeclarations current)
        {
            var changes = current.Since(Compilation);
            foreach (var file in Files)
            {
                if (!file.TryGetTarget(out var tree) || !current.Contains(tree) || changes.MayHaveChanged(tree))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
