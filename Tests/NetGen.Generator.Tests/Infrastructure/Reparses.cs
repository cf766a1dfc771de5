using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Parsing;

namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>Which models NetGen parsed again, rather than reusing the last compilation's parse (<see cref="ParseReuse"/>).</summary>
internal static class Reparses
{
    /// <summary>The models parsed while <paramref name="run"/> ran the generator on <paramref name="compilation"/>, sorted by name.</summary>
    public static List<string> During(Compilation compilation, Action run)
    {
        var parsed = new List<string>();
        void Record(ClassDeclarationSyntax declaration)
        {
            // Other tests run at the same time; only this compilation's files are this test's.
            if (compilation.ContainsSyntaxTree(declaration.SyntaxTree))
            {
                lock (parsed)
                {
                    parsed.Add(declaration.Identifier.ValueText);
                }
            }
        }

        ParseReuse.Parsed += Record;
        try
        {
            run();
        }
        finally
        {
            ParseReuse.Parsed -= Record;
        }

        return parsed.Order(StringComparer.Ordinal).ToList();
    }
}
