using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Generator.Parsing;

/// <summary>
/// The last readings of each project's models, by file and position, for a compilation whose syntax trees are all new:
/// a command-line build (the compiler server's included) parses every file again, so no declaration is the node
/// <see cref="ParseReuse"/> keyed its reading on. A reading is carried to the new compilation only where
/// <see cref="ParseReuse.Reading.CarriedTo"/> finds each of its files again with the same text, parse options and
/// nothing it reads changed, as between two keystrokes.
///
/// A project is known by its assembly name; two that share one only find each other's readings not to carry. The last
/// <see cref="Projects"/> projects are kept, each with the readings of its last two compilations, so at most that many
/// compilations' trees are held.
/// </summary>
internal static class EarlierBuilds
{
    private const int Projects = 8;

    private static readonly object Gate = new();

    /// <summary>Most recently used first.</summary>
    private static readonly LinkedList<ProjectReadings> Recent = new();

    /// <summary>The reading of the same declaration in an earlier compilation of the project, carried to <paramref name="current"/>; null where none carries.</summary>
    public static ParseReuse.Reading? Find(ClassDeclarationSyntax declaration, CompilationDeclarations current)
    {
        if (NothingKept.Here)
        {
            return null;
        }

        var key = new Place(declaration.SyntaxTree.FilePath, declaration.SpanStart);
        ParseReuse.Reading? earlier;
        lock (Gate)
        {
            earlier = Project(current.AssemblyName, create: false)?.Find(key, current);
        }

        return earlier?.CarriedTo(current);
    }

    /// <summary>Keeps <paramref name="reading"/>, made or found to hold in its compilation, for the next one.</summary>
    public static void Remember(ClassDeclarationSyntax declaration, ParseReuse.Reading reading)
    {
        if (NothingKept.Here)
        {
            return;
        }

        var key = new Place(declaration.SyntaxTree.FilePath, declaration.SpanStart);
        lock (Gate)
        {
            Project(reading.Compilation.AssemblyName, create: true)!.Keep(key, reading);
        }
    }

    private static ProjectReadings? Project(string? assemblyName, bool create)
    {
        for (var node = Recent.First; node is not null; node = node.Next)
        {
            if (node.Value.AssemblyName == assemblyName)
            {
                Recent.Remove(node);
                Recent.AddFirst(node);
                return node.Value;
            }
        }

        if (!create)
        {
            return null;
        }

        Recent.AddFirst(new ProjectReadings(assemblyName));
        if (Recent.Count > Projects)
        {
            Recent.RemoveLast();
        }

        return Recent.First!.Value;
    }

    private readonly record struct Place(string FilePath, int Start);

    /// <summary>One project's readings of its last compilation, and of the one before, which the next build compares with.</summary>
    private sealed class ProjectReadings(string? assemblyName)
    {
        private CompilationDeclarations? _compilation;
        private Dictionary<Place, ParseReuse.Reading> _current = new();
        private Dictionary<Place, ParseReuse.Reading> _previous = new();

        public string? AssemblyName { get; } = assemblyName;

        public ParseReuse.Reading? Find(Place place, CompilationDeclarations current)
        {
            // A reading of this very compilation was made for another node at the same place: not the same declaration.
            if (_current.TryGetValue(place, out var reading) && !ReferenceEquals(reading.Compilation, current))
            {
                return reading;
            }

            return _previous.TryGetValue(place, out reading) && !ReferenceEquals(reading.Compilation, current) ? reading : null;
        }

        public void Keep(Place place, ParseReuse.Reading reading)
        {
            if (!ReferenceEquals(reading.Compilation, _compilation))
            {
                _previous = _current;
                _current = new Dictionary<Place, ParseReuse.Reading>();
                _compilation = reading.Compilation;
            }

            _current[place] = reading;
        }
    }
}
