using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Generator.Parsing;

/// <summary>
/// The <c>using X = …;</c> directives of a file, read from the top of its syntax (usings come before any type):
/// by an alias, an attribute may be written under any name.
/// </summary>
internal static class UsingAliases
{
    /// <summary>Whether the file has a <c>global using X = …;</c>, which names X in every file.</summary>
    public static bool HasGlobal(SyntaxTree tree) =>
        tree.GetRoot() is CompilationUnitSyntax unit && unit.Usings.Any(u => u.Alias is not null && u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword));

    /// <summary>Whether the file has an alias of its own, at its top or in any of its namespaces.</summary>
    public static bool HasFileLocal(SyntaxTree tree)
    {
        if (tree.GetRoot() is not CompilationUnitSyntax unit)
        {
            return false;
        }

        var pending = new Stack<SyntaxList<MemberDeclarationSyntax>>();
        if (unit.Usings.Any(u => u.Alias is not null && !u.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword)))
        {
            return true;
        }

        pending.Push(unit.Members);
        while (pending.Count > 0)
        {
            foreach (var ns in pending.Pop().OfType<BaseNamespaceDeclarationSyntax>())
            {
                if (ns.Usings.Any(u => u.Alias is not null))
                {
                    return true;
                }

                pending.Push(ns.Members);
            }
        }

        return false;
    }
}
