using System;
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
/// </summary>
internal static class ParseReuse
{
    private static readonly ConditionalWeakTable<ClassDeclarationSyntax, Holder> Parses = new();

    /// <summary>Raised for each model actually parsed, so that tests can see which models a compilation re-read.</summary>
    internal static event Action<ClassDeclarationSyntax>? Parsed;

    /// <param name="parse">The reading itself: the result (null for a class that is no model, or not the model's primary
    /// declaration) and the class's symbol, whose files the result depends on (null when there is none).</param>
    public static ModelParseResult? GetOrParse(ClassDeclarationSyntax declaration, CompilationDeclarations current, Func<(ModelParseResult? Result, INamedTypeSymbol? Type)> parse)
    {
        var holder = Parses.GetValue(declaration, static _ => new Holder());
        if (Volatile.Read(ref holder.Last) is { } last && last.StillHolds(current))
        {
            Volatile.Write(ref holder.Last, last with { Compilation = current });
            return last.Result;
        }

        var (result, type) = parse();
        if (result is not null)
        {
            Parsed?.Invoke(declaration);
        }

        var files = (type is null ? new[] { declaration.SyntaxTree } : type.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Distinct())
            .Select(t => new WeakReference<SyntaxTree>(t)).ToImmutableArray();
        Volatile.Write(ref holder.Last, new Reading(current, files, result));
        return result;
    }

    /// <summary>One slot per declaration, replaced whole, so that concurrent runs see one reading or the other.</summary>
    private sealed class Holder
    {
        public Reading? Last;
    }

    /// <summary>A parse and the compilation it was made in (or last found to hold in).</summary>
    private sealed record Reading(CompilationDeclarations Compilation, ImmutableArray<WeakReference<SyntaxTree>> Files, ModelParseResult? Result)
    {
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
