using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads <c>[ForEach]</c>: where the rows come from (an <c>int[]</c> hyperparameter, or a static table of the model,
/// whose constant initialiser is read here so the walk can unroll it) and the loop's names, which the member's
/// layer attributes may then read as int parameters. Every mistake is NG0040 on the argument that makes it.
/// </summary>
internal static class StageTableParser
{
    private static readonly Regex SourcePattern = new(@"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(?:\[(.+)\])?\s*$", RegexOptions.CultureInvariant);

    /// <summary>The stage table, or null when it was reported; <paramref name="loopNames"/> are the names the body may read.</summary>
    public static StageTableSpec? Read(AttributeData attribute, MemberContext context, out List<string> loopNames)
    {
        loopNames = new List<string>();
        var raw = AttributeArguments.Read(attribute).ToDictionary(a => a.Name, a => a);
        var attributeLocation = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax());
        var ok = true;
        void Fail(string argument, string why)
        {
            var location = raw.TryGetValue(argument, out var at) ? at.Location : attributeLocation;
            context.Report(DiagnosticDescriptors.InvalidStageTable, location, "[ForEach]", context.Model.Name, why);
            ok = false;
        }

        string? Text(string name) => raw.TryGetValue(name, out var value) ? value.Value.Value as string : null;

        var item = Text("Item") ?? "item";
        var index = Text("Index");
        var carry = Text("Carry");
        foreach (var (argument, name) in new[] { ("Item", item), ("Index", index), ("Carry", carry) })
        {
            if (name is null)
            {
                continue;
            }

            if (!SyntaxFacts(name))
            {
                Fail(argument, $"{argument} must be a C# identifier, not \"{name}\"");
            }
            else if (context.Parameters.Any(p => p.Name == name))
            {
                Fail(argument, $"{argument} '{name}' would hide the constructor parameter of that name; choose another name");
            }
            else if (loopNames.Contains(name))
            {
                Fail(argument, $"{argument} '{name}' is already the name of another of the loop's values");
            }
            else
            {
                loopNames.Add(name);
            }
        }

        var source = Text("Table") ?? "";
        var table = ReadTable(source, context, why => Fail("Table", why), out var selector, out var rows, out var rowsKnown);

        var start = ArgValue.Absent;
        string? next = null;
        if (carry is null)
        {
            if (raw.ContainsKey("Start") || raw.ContainsKey("Next"))
            {
                Fail(raw.ContainsKey("Start") ? "Start" : "Next", "Start and Next set a carried value, so they need Carry = \"name\" too");
            }
        }
        else if (!raw.ContainsKey("Start") || Text("Next") is null)
        {
            Fail("Carry", $"a carried value needs Start (its value before the first row) and Next (its value after each row, e.g. \"{item} == 0 ? {carry} : {item}\")");
        }
        else
        {
            start = context.Interpreter.Interpret(raw["Start"].Value, raw["Start"].Location);
            if (!start.IsAbsent && !context.Interpreter.IsInteger(start))
            {
                Fail("Start", $"Start must be an int or an int expression of the constructor parameters, not {start}");
            }

            next = IntExpression(Text("Next")!, context.Interpreter.WithIntNames(loopNames), raw["Next"].Location, why => Fail("Next", why));
            ok &= !start.IsAbsent && next is not null;
        }

        return ok && table is not null
            ? new StageTableSpec(source.Trim(), table, selector, rows, rowsKnown, item, index, carry, start, next)
            : null;
    }

    private static bool SyntaxFacts(string name) =>
        Microsoft.CodeAnalysis.CSharp.SyntaxFacts.IsValidIdentifier(name) && Microsoft.CodeAnalysis.CSharp.SyntaxFacts.GetKeywordKind(name) == Microsoft.CodeAnalysis.CSharp.SyntaxKind.None;

    /// <summary>The C# that reads the table (a row of it, when <paramref name="selector"/> is set), or null when reported.</summary>
    private static string? ReadTable(string source, MemberContext context, System.Action<string> fail, out string? selector, out EquatableArray<TableRow> rows, out bool rowsKnown)
    {
        selector = null;
        rows = EquatableArray<TableRow>.Empty;
        rowsKnown = false;
        var match = SourcePattern.Match(source);
        if (!match.Success)
        {
            fail($"the table must be an int[] constructor parameter, a static int[] of '{context.Model.Name}', or a static int[][] indexed by an expression (\"Cfgs[config]\"), not \"{source}\"");
            return null;
        }

        var name = match.Groups[1].Value;
        var indexed = match.Groups[2].Success;
        if (context.Parameters.FirstOrDefault(p => p.Name == name) is { } parameter)
        {
            if (parameter.TypeName != "int[]" || indexed)
            {
                fail(indexed ? $"'{name}' is a constructor parameter; only a static int[][] of the model can be indexed here" : $"the constructor parameter '{name}' is {parameter.TypeName}, not int[]");
                return null;
            }

            return "@" + name;
        }

        var member = context.Model.GetMembers(name).FirstOrDefault(m => m is IFieldSymbol or IPropertySymbol);
        var type = (member as IFieldSymbol)?.Type ?? (member as IPropertySymbol)?.Type;
        var wanted = indexed ? "int[][]" : "int[]";
        if (member is null || !member.IsStatic || type?.ToDisplayString() != wanted)
        {
            fail(member is null
                ? $"'{name}' is neither a constructor parameter nor a static member of '{context.Model.Name}'"
                : $"'{name}' must be a static {wanted} of '{context.Model.Name}'{(indexed ? " to be indexed" : "")}");
            return null;
        }

        var csharp = context.Model.ToDisplayString(TypeShapes.FullyQualified) + "." + name;
        if (indexed)
        {
            var compiled = ExpressionCompiler.Compile(match.Groups[2].Value, context.Parameters);
            if (compiled.Error is { } error)
            {
                fail($"its index '{match.Groups[2].Value}' is not a valid expression of the constructor parameters: {error.Message}");
                return null;
            }

            if (!(compiled.Type.IsInteger() || compiled.Type == ExprType.Enum))
            {
                fail($"its index '{match.Groups[2].Value}' is {compiled.Type.Keyword()}; a row is chosen by an int or enum expression");
                return null;
            }

            selector = compiled.Text;
            csharp += "[(int)(" + ExpressionText.ToCSharp(compiled.Text, n => "@" + n) + ")]";
        }

        var readOnly = member is IFieldSymbol { IsReadOnly: true } or IFieldSymbol { IsConst: true } || member is IPropertySymbol { SetMethod: null };
        if (readOnly && Initializer(member) is { } initializer)
        {
            var model = context.Compilation.GetSemanticModel(initializer.SyntaxTree);
            var read = indexed
                ? Elements(initializer)?.Select(row => Ints(row, model)).ToList()
                : new List<EquatableArray<long>?> { Ints(initializer, model) };
            if (read is not null && read.All(r => r is not null))
            {
                rows = read.Select(r => new TableRow(r!.Value)).ToEquatableArray();
                rowsKnown = true;
            }
        }

        return csharp;
    }

    /// <summary>The expression a static field or get-only property is initialised with.</summary>
    private static ExpressionSyntax? Initializer(ISymbol member)
    {
        foreach (var reference in member.DeclaringSyntaxReferences)
        {
            switch (reference.GetSyntax())
            {
                case VariableDeclaratorSyntax { Initializer: { } field }: return field.Value;
                case PropertyDeclarationSyntax { Initializer: { } property }: return property.Value;
                case PropertyDeclarationSyntax { ExpressionBody: { } body }: return body.Expression;
            }
        }

        return null;
    }

    /// <summary>The elements of an array creation, an initializer list or a collection expression; null for anything else.</summary>
    private static IReadOnlyList<ExpressionSyntax>? Elements(ExpressionSyntax expression) => expression switch
    {
        ArrayCreationExpressionSyntax { Initializer: { } init } => init.Expressions,
        ImplicitArrayCreationExpressionSyntax creation => creation.Initializer.Expressions,
        InitializerExpressionSyntax init => init.Expressions,
        CollectionExpressionSyntax collection when collection.Elements.All(e => e is ExpressionElementSyntax) =>
            collection.Elements.Cast<ExpressionElementSyntax>().Select(e => e.Expression).ToList(),
        _ => null,
    };

    private static EquatableArray<long>? Ints(ExpressionSyntax row, SemanticModel model)
    {
        if (Elements(row) is not { } elements)
        {
            return null;
        }

        var values = new List<long>();
        foreach (var element in elements)
        {
            if (model.GetConstantValue(element) is not { HasValue: true, Value: int value })
            {
                return null;
            }

            values.Add(value);
        }

        return values.ToEquatableArray();
    }

    /// <summary>An int expression over the parameters and the loop's names, or null when reported.</summary>
    public static string? IntExpression(string text, ArgumentInterpreter interpreter, LocationInfo? location, System.Action<string> fail)
    {
        var compiled = ExpressionCompiler.Compile(text, interpreter.Parameters);
        if (compiled.Error is { Kind: not (ExprErrorKind.DivisionByZero or ExprErrorKind.Overflow) } error)
        {
            interpreter.ReportExpressionError(error, text, location);
            return null;
        }

        if (!compiled.Type.IsInteger())
        {
            fail($"'{text}' is {compiled.Type.Keyword()}, not an int");
            return null;
        }

        return compiled.Text;
    }
}
