using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Turns attribute constants into <see cref="ArgValue"/>s. A string names a constructor parameter
/// unless the argument accepts it as a keyword (such as <c>"same"</c> for padding); anything else is
/// reported on the argument itself.
/// </summary>
internal sealed class ArgumentInterpreter
{
    private readonly string _modelName;
    private readonly ImmutableArray<string> _parameterNames;
    private readonly List<DiagnosticInfo> _diagnostics;
    private readonly ImmutableArray<string> _integerParameters;
    private readonly EquatableArray<ParameterSpec> _parameters;

    public ArgumentInterpreter(string modelName, ImmutableArray<string> parameterNames, List<DiagnosticInfo> diagnostics, ImmutableArray<string> integerParameters = default,
        EquatableArray<ParameterSpec> parameters = default)
    {
        _modelName = modelName;
        _parameterNames = parameterNames;
        _diagnostics = diagnostics;
        _integerParameters = integerParameters.IsDefault ? parameterNames : integerParameters;
        _parameters = parameters;
    }

    public string ModelName => _modelName;

    /// <summary>The names expressions may read: the constructor parameters, and a loop's names inside <c>[ForEach]</c>.</summary>
    public EquatableArray<ParameterSpec> Parameters => _parameters;

    public List<DiagnosticInfo> Diagnostics => _diagnostics;

    /// <summary>This interpreter with <paramref name="names"/> (a stage table's item, index and carry) readable as int parameters.</summary>
    public ArgumentInterpreter WithIntNames(IReadOnlyCollection<string> names)
    {
        var added = names.Select(n => new ParameterSpec(n, "int", null)).ToList();
        return new ArgumentInterpreter(_modelName, _parameterNames.AddRange(names), _diagnostics, _integerParameters.AddRange(names),
            _parameters.Concat(added).ToEquatableArray());
    }

    /// <summary>Whether the named constructor parameter has an integer type, so it can be a size.</summary>
    public bool IsIntegerParameter(string name) => _integerParameters.Contains(name);

    /// <summary>Whether <paramref name="value"/> is an int: a constant, an int parameter, or an expression of integer type.</summary>
    public bool IsInteger(ArgValue value) => value.Kind switch
    {
        ArgKind.Int => true,
        ArgKind.Parameter => IsIntegerParameter(value.Text!),
        ArgKind.Expression => value.ExpressionType.IsInteger(),
        _ => false,
    };

    public ArgValue Interpret(TypedConstant value, LocationInfo? location, IReadOnlyCollection<string>? keywords = null)
    {
        if (value.IsNull)
        {
            return ArgValue.Absent;
        }

        if (value.Kind == TypedConstantKind.Array)
        {
            return InterpretList(value, location);
        }

        switch (value.Value)
        {
            case int or long or short or byte or sbyte or ushort or uint:
                return ArgValue.FromInt(System.Convert.ToInt64(value.Value, System.Globalization.CultureInfo.InvariantCulture));
            case ulong big when big <= long.MaxValue:
                return ArgValue.FromInt((long)big);
            case double d:
                return ArgValue.FromDouble(d);
            case float f:
                return ArgValue.FromDouble(f);
            case bool b:
                return ArgValue.FromBool(b);
            case string s:
                return InterpretString(s, location, keywords);
            default:
                Report(DiagnosticDescriptors.InvalidArgument, location, "This argument", _modelName,
                    $"must be an int, a bool, a number or a parameter name, not {value.Type?.ToDisplayString() ?? "that"} '{value.Value}'");
                return ArgValue.Absent;
        }
    }

    /// <summary>One dimension of a shape contract: an int, an int hyperparameter, or a free name standing for whatever size arrives.</summary>
    public ArgValue InterpretDimension(TypedConstant value, LocationInfo? location)
    {
        if (value.Value is string name && !_parameterNames.Contains(name))
        {
            if (name.Length > 0 && (char.IsLetter(name[0]) || name[0] == '_') && name.All(c => char.IsLetterOrDigit(c) || c == '_'))
            {
                return ArgValue.FromText(name);
            }

            Report(DiagnosticDescriptors.InvalidArgument, location, "A contract dimension", _modelName, $"must be an int, a hyperparameter or a name, not \"{name}\"");
            return ArgValue.Absent;
        }

        var dimension = Interpret(value, location);
        if (dimension.Kind == ArgKind.Int && dimension.Int < 0 || dimension.Kind == ArgKind.Parameter && !IsIntegerParameter(dimension.Text!)
            || dimension.Kind is not (ArgKind.Int or ArgKind.Parameter or ArgKind.Absent))
        {
            Report(DiagnosticDescriptors.InvalidArgument, location, "A contract dimension", _modelName, $"must be an int of at least 0 or an int hyperparameter, not {dimension}");
            return ArgValue.Absent;
        }

        return dimension;
    }

    /// <summary>The <c>Arguments</c> list of a <c>[Block]</c> or <c>[Block&lt;T&gt;]</c> attribute, element by element.</summary>
    public EquatableArray<ArgValue> BlockArguments(AttributeData attribute)
    {
        var raw = AttributeArguments.Read(attribute).FirstOrDefault(a => a.Name == "Arguments");
        return raw.Name is null ? EquatableArray<ArgValue>.Empty : InterpretEach(raw.Value, raw.Location);
    }

    /// <summary>Interprets each element of a list on its own, e.g. <c>Input = [3, "size", "size"]</c>.</summary>
    public EquatableArray<ArgValue> InterpretEach(TypedConstant value, LocationInfo? location) =>
        AttributeArguments.Elements(value).Select(element => Interpret(element, location)).ToEquatableArray();

    private ArgValue InterpretString(string text, LocationInfo? location, IReadOnlyCollection<string>? keywords)
    {
        if (_parameterNames.Contains(text))
        {
            return ArgValue.FromParameter(text);
        }

        if (keywords is not null && keywords.Contains(text))
        {
            return ArgValue.FromText(text);
        }

        if (!IsIdentifier(text) && text.Trim().Length > 0)
        {
            return InterpretExpression(text, location);
        }

        var known = KnownParameters;
        if (keywords is not null)
        {
            known += "; or one of " + string.Join(", ", keywords.Select(k => "\"" + k + "\""));
        }

        Report(DiagnosticDescriptors.UnknownParameter, location, text, _modelName, known);
        return ArgValue.Absent;
    }

    private string KnownParameters => _parameterNames.IsEmpty ? "(none: declare them with a partial constructor)" : string.Join(", ", _parameterNames);

    private static bool IsIdentifier(string text) =>
        text.Length > 0 && (char.IsLetter(text[0]) || text[0] == '_') && text.All(c => char.IsLetterOrDigit(c) || c == '_');

    /// <summary>An expression such as <c>"planes * 4"</c>, checked now and reported on the argument: syntax, names, types, and its value at the defaults.</summary>
    private ArgValue InterpretExpression(string text, LocationInfo? location)
    {
        var compiled = ExpressionCompiler.Compile(text, _parameters);
        if (compiled.Error is { } error)
        {
            ReportExpressionError(error, text, location);
            return ArgValue.Absent;
        }

        if (compiled.Type == ExprType.Enum)
        {
            Report(DiagnosticDescriptors.ExpressionTypeMismatch, location, text, _modelName,
                "an enum member or parameter can only be compared here (act == Act.GELU); pass an enum parameter by its name");
            return ArgValue.Absent;
        }

        // Only constants: a constant, as if written as one (C# would fold it, and a constant 0 is also an enum value).
        if (!ExprEvaluator.ReadsNames(compiled.Expr!))
        {
            switch (compiled.AtDefaults.Kind)
            {
                case ExprValueKind.Integer: return ArgValue.FromInt(compiled.AtDefaults.Integer);
                case ExprValueKind.Real: return ArgValue.FromDouble(compiled.AtDefaults.Real);
                case ExprValueKind.Bool: return ArgValue.FromBool(compiled.AtDefaults.AsBool == true);
            }
        }

        return ArgValue.FromExpression(compiled.Text, compiled.Type);
    }

    /// <summary>Reports an expression's error with the diagnostic for its kind.</summary>
    public void ReportExpressionError(ExprError error, string text, LocationInfo? location)
    {
        switch (error.Kind)
        {
            case ExprErrorKind.UnknownName when error.Subject is { } name:
                Report(DiagnosticDescriptors.UnknownParameter, location, name, _modelName, KnownParameters);
                break;
            case ExprErrorKind.Syntax or ExprErrorKind.UnknownName:
                Report(DiagnosticDescriptors.InvalidExpression, location, text, _modelName, error.Message);
                break;
            case ExprErrorKind.WrongType:
                Report(DiagnosticDescriptors.ExpressionTypeMismatch, location, text, _modelName, error.Message);
                break;
            default:
                Report(DiagnosticDescriptors.ExpressionFailsAtDefaults, location, text, _modelName, error.Message);
                break;
        }
    }

    /// <summary>
    /// A per-dimension list: int constants (<c>new[] { 1, 7 }</c>), or items that name int parameters or are int
    /// expressions (<c>new[] { "kh", "kw" }</c>, <c>new object[] { 1, "k" }</c>). Whether the layer's argument takes a
    /// list of names is the catalogue entry's to say (<see cref="LayerParser"/>).
    /// </summary>
    private ArgValue InterpretList(TypedConstant value, LocationInfo? location)
    {
        const string ListRule = "may hold only ints, int parameter names or int expressions";
        var items = new List<ArgValue>();
        foreach (var element in value.Values)
        {
            if (element.Kind == TypedConstantKind.Array || element.Value is not (int or long or short or byte or string))
            {
                Report(DiagnosticDescriptors.InvalidArgument, location, "a list argument", _modelName, ListRule);
                return ArgValue.Absent;
            }

            var item = Interpret(element, location);
            if (item.IsAbsent)
            {
                return ArgValue.Absent; // the item's own diagnostic (unknown name, bad expression) is reported
            }

            if (!IsInteger(item))
            {
                Report(DiagnosticDescriptors.InvalidArgument, location, "a list argument", _modelName, $"{ListRule}; '{item}' is not an int");
                return ArgValue.Absent;
            }

            items.Add(item);
        }

        return items.All(i => i.Kind == ArgKind.Int)
            ? ArgValue.FromInts(items.Select(i => i.Int).ToEquatableArray())
            : ArgValue.FromSizes(items);
    }

    public void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        _diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
}
