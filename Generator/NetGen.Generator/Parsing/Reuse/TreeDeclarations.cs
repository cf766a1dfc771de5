using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace NetGen.Generator.Parsing;

/// <summary>
/// What one file declares and which names it mentions, read from its syntax alone, once per file: what
/// <see cref="CompilationDeclarations"/> compares to find which files an edit can change the meaning of.
/// Comments, whitespace and the insides of bodies (methods, constructors, operators, accessors, expression-bodied
/// members) are no part of a declaration: C# gives a body no way to change how anything outside it binds.
/// Preprocessor directives outside bodies are, as the file's own text.
/// </summary>
internal sealed class TreeDeclarations
{
    private static readonly ConditionalWeakTable<SyntaxTree, TreeDeclarations> PerTree = new();

    private TreeDeclarations(SyntaxTree tree)
    {
        var declarations = new StringBuilder(tree.FilePath).Append('\n');
        var fileLevel = new StringBuilder();
        Read(tree.GetRoot(), declarations, fileLevel);
        Text = declarations.ToString();
        FileLevel = fileLevel.ToString();
    }

    /// <summary>Every declaration's text, in order: equal texts mean the edit was inside bodies or comments only.</summary>
    public string Text { get; }

    /// <summary>By simple name, every type and member of that name declared here.</summary>
    public Dictionary<string, NamedDeclarations> Entities { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The file's own text outside every type: usings, namespaces, assembly attributes, top-level statements.</summary>
    public string FileLevel { get; }

    /// <summary>
    /// Whether the file holds what binds across files without a name a use would mention: a global using, an
    /// extern alias, an assembly or module attribute, top-level statements, an operator, conversion, indexer or
    /// finalizer, or a namespace of System.
    /// </summary>
    public bool HasUnnamedReach { get; private set; }

    /// <summary>The simple names of the types and members declared here, an attribute class also without "Attribute".</summary>
    public HashSet<string> Declared { get; } = new(System.StringComparer.Ordinal);

    /// <summary>The simple names of the types declared here: a partial type declared in several files is one type.</summary>
    public HashSet<string> DeclaredTypes { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Names used as references anywhere in the file, bodies included (a model's own forward is read).</summary>
    public HashSet<string> Mentioned { get; } = new(System.StringComparer.Ordinal);

    /// <summary>Names used as references outside bodies: what the file's declarations may bind to.</summary>
    public HashSet<string> MentionedByDeclarations { get; } = new(System.StringComparer.Ordinal);

    public static TreeDeclarations Of(SyntaxTree tree) => PerTree.GetValue(tree, static t => new TreeDeclarations(t));

    /// <summary>
    /// One walk with its own stack (a deeply nested initializer cannot overflow the compiler's), carrying for each
    /// node whether it is inside a body and which entity's text it belongs to.
    /// </summary>
    private void Read(SyntaxNode root, StringBuilder declarations, StringBuilder fileLevel)
    {
        var pending = new Stack<(SyntaxNodeOrToken Item, bool InBody, Entity? Owner)>();
        var entities = new List<Entity>();
        pending.Push((root, false, null));
        while (pending.Count > 0)
        {
            var (item, inBody, owner) = pending.Pop();
            if (item.IsToken)
            {
                ReadToken(item.AsToken(), inBody, owner?.Text ?? fileLevel, declarations, fileLevel);
                continue;
            }

            var node = item.AsNode()!;
            if (!inBody && IsBody(node))
            {
                // Whether a member has a body, and of which kind, is part of its declaration (a partial definition has none).
                Append(node is BlockSyntax ? "{…}" : "=>…", owner?.Text ?? fileLevel, declarations);
                inBody = true;
            }
            else if (!inBody && EntityNames(node) is { } names)
            {
                owner = new Entity(names, owner);
                entities.Add(owner);
                if (node is BaseTypeDeclarationSyntax or DelegateDeclarationSyntax)
                {
                    DeclaredTypes.Add(names[0]);
                }

                Declared.UnionWith(names.SelectMany(WithAttributeStem));
            }

            if (!inBody && ReachesWithoutName(node))
            {
                HasUnnamedReach = true;
            }

            var children = node.ChildNodesAndTokens();
            for (var i = children.Count - 1; i >= 0; i--)
            {
                pending.Push((children[i], inBody, owner));
            }
        }

        foreach (var group in entities.SelectMany(e => e.Names, (entity, name) => (Name: name, Entity: entity)).GroupBy(e => e.Name))
        {
            var containers = group.SelectMany(e => e.Entity.ContainerNames()).ToImmutableHashSet();
            // Each with the types around it, so that a member moved to another type reads as changed.
            var text = string.Join("\u0003", group.Select(e => string.Join(".", e.Entity.ContainerNames()) + "\u0002" + e.Entity.Text));
            Entities[group.Key] = new NamedDeclarations(text, containers);
        }
    }

    /// <summary>A name, and when it names an attribute class (<c>FooAttribute</c>), the name a use writes (<c>Foo</c>).</summary>
    public static IEnumerable<string> WithAttributeStem(string name)
    {
        yield return name;
        if (name.Length > AttributeSuffix.Length && name.EndsWith(AttributeSuffix, System.StringComparison.Ordinal))
        {
            yield return name.Substring(0, name.Length - AttributeSuffix.Length);
        }
    }

    private const string AttributeSuffix = "Attribute";

    private void ReadToken(SyntaxToken token, bool inBody, StringBuilder ownerText, StringBuilder declarations, StringBuilder fileLevel)
    {
        if (!inBody && token.ContainsDirectives)
        {
            // #nullable, #pragma and the like act on every declaration after them, so they count as the file's own text.
            foreach (var directive in token.LeadingTrivia.Concat(token.TrailingTrivia).Where(t => t.IsDirective))
            {
                Append(directive.ToString(), fileLevel, declarations);
            }
        }

        if (token.IsKind(SyntaxKind.IdentifierToken) && token.Parent is SimpleNameSyntax)
        {
            var name = token.ValueText;
            Mentioned.Add(name);
            if (!inBody)
            {
                MentionedByDeclarations.Add(name);
            }

            // [Conv2d] may bind to a class named Conv2dAttribute.
            if (token.Parent.Parent is AttributeSyntax || token.Parent.Parent?.Parent is AttributeSyntax)
            {
                Mentioned.Add(name + AttributeSuffix);
                MentionedByDeclarations.Add(name + AttributeSuffix);
            }
        }

        if (!inBody)
        {
            Append(token.Text, ownerText, declarations);
        }
    }

    /// <summary>A token of the file's declarations, to their whole text and to the text of the entity it belongs to (or the file's own).</summary>
    private static void Append(string text, StringBuilder owner, StringBuilder declarations)
    {
        declarations.Append(text).Append('\u0001');
        owner.Append(text).Append('\u0001');
    }

    /// <summary>The code of a method, constructor, operator, accessor or expression-bodied member: what runs, not what is declared.</summary>
    private static bool IsBody(SyntaxNode node) => node switch
    {
        BlockSyntax block => block.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax,
        ArrowExpressionClauseSyntax arrow => arrow.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or BasePropertyDeclarationSyntax,
        _ => false,
    };

    /// <summary>The simple names a type or member declares (a field or event declaration, one per variable), or null.</summary>
    private static string[]? EntityNames(SyntaxNode node) => node switch
    {
        BaseTypeDeclarationSyntax type => new[] { type.Identifier.ValueText },
        DelegateDeclarationSyntax @delegate => new[] { @delegate.Identifier.ValueText },
        MethodDeclarationSyntax method => new[] { method.Identifier.ValueText },
        ConstructorDeclarationSyntax constructor => new[] { constructor.Identifier.ValueText },
        PropertyDeclarationSyntax property => new[] { property.Identifier.ValueText },
        EventDeclarationSyntax @event => new[] { @event.Identifier.ValueText },
        EnumMemberDeclarationSyntax member => new[] { member.Identifier.ValueText },
        BaseFieldDeclarationSyntax field => field.Declaration.Variables.Select(v => v.Identifier.ValueText).ToArray(),
        ParameterSyntax parameter when parameter.Parent?.Parent is RecordDeclarationSyntax => new[] { parameter.Identifier.ValueText },
        _ => null,
    };

    /// <summary>What binds in other files, or binds there by no name a use would write: see <see cref="HasUnnamedReach"/>.</summary>
    private static bool ReachesWithoutName(SyntaxNode node) => node switch
    {
        UsingDirectiveSyntax @using => @using.GlobalKeyword.IsKind(SyntaxKind.GlobalKeyword),
        ExternAliasDirectiveSyntax => true,
        AttributeListSyntax list => list.Target is not null && (list.Target.Identifier.IsKind(SyntaxKind.AssemblyKeyword) || list.Target.Identifier.IsKind(SyntaxKind.ModuleKeyword)),
        GlobalStatementSyntax => true,
        // A type of the System namespaces can change what the compiler itself binds (Index, Range, a builder attribute).
        BaseNamespaceDeclarationSyntax ns => ns.Name.ToString() is var name && (name == "System" || name.StartsWith("System.", System.StringComparison.Ordinal)),
        OperatorDeclarationSyntax or ConversionOperatorDeclarationSyntax or IndexerDeclarationSyntax or DestructorDeclarationSyntax => true,
        _ => false,
    };

    /// <summary>A declared type or member while its text is read: its names, the types around it, and its own tokens.</summary>
    private sealed class Entity(string[] names, Entity? container)
    {
        public string[] Names { get; } = names;

        public StringBuilder Text { get; } = new();

        private Entity? Container { get; } = container;

        /// <summary>The names of the types around it, outermost first.</summary>
        public IEnumerable<string> ContainerNames()
        {
            var path = new List<string>();
            for (var outer = Container; outer is not null; outer = outer.Container)
            {
                path.InsertRange(0, outer.Names);
            }

            return path;
        }
    }
}

/// <summary>
/// The types and members of one simple name in a file: their text, each with the types around it, in order (equal
/// texts, equal declarations), and the names of the types around them.
/// </summary>
internal sealed record NamedDeclarations(string Text, ImmutableHashSet<string> Containers);
