using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using NetGen.Generator.Expressions;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// What a model's constructor parameters stand for during one analysis: symbols of their own (the model
/// checked on its own), or the values and symbols of a use site (a block built by its parent), or
/// their declared defaults (the summary).
/// </summary>
internal sealed class ShapeEnvironment
{
    private readonly Dictionary<string, Dim> _sizes = new();
    private readonly Dictionary<string, bool?> _flags = new();
    private readonly Dictionary<string, string> _flagSymbols = new();
    private readonly Dictionary<string, ExprType> _types = new();

    // double parameters (a width multiplier): known where a default or a use site gives them, so that expressions
    // such as make_divisible(32 * widthMult, 8) and ceil(2 * depthMult) are sizes at compile time.
    private readonly Dictionary<string, double> _reals = new();

    private readonly EquatableArray<ParameterSpec> _parameters;

    private ShapeEnvironment()
    {
        _parameters = EquatableArray<ParameterSpec>.Empty;
    }

    private ShapeEnvironment(EquatableArray<ParameterSpec> parameters)
    {
        _parameters = parameters;
    }

    private ShapeEnvironment(ModelSpec model)
    {
        _parameters = model.Parameters;
        foreach (var parameter in model.Parameters)
        {
            if ((ExprTypes.OfTypeName(parameter.TypeName) ?? (parameter.EnumMembers.IsEmpty ? null : ExprType.Enum)) is { } type)
            {
                _types[parameter.Name] = type;
            }
        }
    }

    /// <summary>No parameters: for layers whose arguments are all constants (the layer catalogue's checks).</summary>
    public static ShapeEnvironment Constants() => new();

    /// <summary>Every parameter is a symbol of its own name; flags are unknown.</summary>
    public static ShapeEnvironment Symbolic(ModelSpec model)
    {
        var environment = new ShapeEnvironment(model);
        foreach (var parameter in model.Parameters)
        {
            environment._sizes[parameter.Name] = Dim.Named(parameter.Name);
            environment._flags[parameter.Name] = null;
            environment._flagSymbols[parameter.Name] = parameter.Name;
        }

        return environment;
    }

    /// <summary>Parameters with a default take it; the others stay symbols.</summary>
    public static ShapeEnvironment Defaults(ModelSpec model)
    {
        var environment = Symbolic(model);
        foreach (var parameter in model.Parameters)
        {
            environment.SetDefault(parameter);
        }

        return environment;
    }

    /// <summary>The parameters of <paramref name="block"/> bound to the arguments its parent passes, resolved in the parent's environment.</summary>
    public static ShapeEnvironment ForUse(ModelSpec block, EquatableArray<ArgValue> arguments, ShapeEnvironment parent)
    {
        var environment = new ShapeEnvironment(block);
        for (var i = 0; i < block.Parameters.Count; i++)
        {
            var parameter = block.Parameters[i];
            if (i < arguments.Count)
            {
                environment._sizes[parameter.Name] = parent.Size(arguments[i]);
                environment._flags[parameter.Name] = parent.Flag(arguments[i]);
                if (parent.Real(arguments[i]) is { } real)
                {
                    environment._reals[parameter.Name] = real;
                }

                if (arguments[i].Kind == ArgKind.Parameter && parent.FlagSymbol(arguments[i].Text!) is { } symbol)
                {
                    environment._flagSymbols[parameter.Name] = symbol;
                }
            }
            else
            {
                environment._sizes[parameter.Name] = Dim.Unknown;
                environment._flags[parameter.Name] = null;
                environment.SetDefault(parameter);
            }
        }

        return environment;
    }

    /// <summary>This environment with one more int name, such as a stage table's item or carried value.</summary>
    public ShapeEnvironment With(string name, Dim value)
    {
        var environment = new ShapeEnvironment(_parameters);
        foreach (var pair in _sizes)
        {
            environment._sizes[pair.Key] = pair.Value;
        }

        foreach (var pair in _flags)
        {
            environment._flags[pair.Key] = pair.Value;
        }

        foreach (var pair in _flagSymbols)
        {
            environment._flagSymbols[pair.Key] = pair.Value;
        }

        foreach (var pair in _types)
        {
            environment._types[pair.Key] = pair.Value;
        }

        foreach (var pair in _reals)
        {
            environment._reals[pair.Key] = pair.Value;
        }

        environment._sizes[name] = value;
        environment._types[name] = ExprType.Int;
        environment._flags.Remove(name);
        environment._reals.Remove(name);
        return environment;
    }

    public Dim Size(ArgValue value) => value.Kind switch
    {
        ArgKind.Int => Dim.Of(value.Int),
        ArgKind.Parameter => _sizes.TryGetValue(value.Text!, out var dim) ? dim : Dim.Unknown,
        ArgKind.IntList when value.Ints.Count > 0 => Dim.Of(value.Ints[0]),
        ArgKind.SizeList => Size(value.ListItems()[0]),
        ArgKind.Expression => Evaluate(value.Text!) switch
        {
            { Kind: ExprValueKind.Integer } known => Dim.Of(known.Integer),
            { Kind: ExprValueKind.Symbol } formula => Dim.Named(formula.Text!),
            _ => Dim.Unknown,
        },
        _ => Dim.Unknown,
    };

    /// <summary>A per-dimension argument: one value for every dimension, or a list.</summary>
    public EquatableArray<Dim> Sizes(ArgValue value) => value.Kind switch
    {
        ArgKind.Absent => EquatableArray<Dim>.Empty,
        ArgKind.IntList => value.Ints.Select(Dim.Of).ToEquatableArray(),
        ArgKind.SizeList => value.ListItems().Select(Size).ToEquatableArray(),
        _ => EquatableArray.Create(Size(value)),
    };

    public bool? Flag(ArgValue value) => value.Kind switch
    {
        ArgKind.Bool => value.AsBool,
        ArgKind.Parameter => _flags.TryGetValue(value.Text!, out var flag) ? flag : null,
        ArgKind.Expression => Evaluate(value.Text!).AsBool,
        _ => null,
    };

    /// <summary>A number here, for a <c>double</c> parameter of a block: null when it cannot be told.</summary>
    public double? Real(ArgValue value) => value.Kind switch
    {
        ArgKind.Double => value.Double,
        ArgKind.Int => value.Int,
        ArgKind.Parameter or ArgKind.Expression => Evaluate(value.Text!) switch
        {
            { Kind: ExprValueKind.Real } known => known.Real,
            { Kind: ExprValueKind.Integer, Type: not ExprType.Enum } known => known.Integer,
            _ => null,
        },
        _ => null,
    };

    /// <summary>A condition (a bool parameter or a bool expression) here: true, false, or null when it cannot be told.</summary>
    public bool? Flag(string condition) =>
        _flags.TryGetValue(condition, out var flag) ? flag : Evaluate(condition).AsBool;

    /// <summary>
    /// An expression's value here: concrete where its parameters are known, a formula where they are symbols
    /// (so <c>planes * 4</c> matches <c>planes * 4</c> elsewhere), unknown otherwise. A failure that only
    /// these values cause (a division by zero at one use site) is left to run time: unknown, never an error here.
    /// </summary>
    public ExprValue Evaluate(string expression)
    {
        if (ExpressionText.Parse(expression) is not { } expr)
        {
            return default;
        }

        var value = ExprEvaluator.Evaluate(expr, ValueOf);
        return value.IsError ? default : value;
    }

    private ExprValue ValueOf(string name)
    {
        if (name.IndexOf('.') >= 0)
        {
            return EnumMembers.Resolve(name, _parameters) is { } member ? ExprValue.Of(member.Value, ExprType.Enum) : default;
        }

        if (!_types.TryGetValue(name, out var type))
        {
            return default;
        }

        if (type == ExprType.Bool)
        {
            return _flags.TryGetValue(name, out var known) && known is { } flag ? ExprValue.Of(flag) : ExprValue.Unknown(type);
        }

        if (type == ExprType.Double)
        {
            return _reals.TryGetValue(name, out var real) ? ExprValue.Of(real) : ExprValue.Unknown(type);
        }

        // An enum parameter's value is kept as a size is (its underlying value): the walk passes it on the same way.
        if (!(type.IsInteger() || type == ExprType.Enum) || !_sizes.TryGetValue(name, out var dim))
        {
            return ExprValue.Unknown(type);
        }

        return dim.IsKnown ? ExprValue.Of(dim.Value, type) : dim.IsSymbol ? ExprValue.Symbolic(dim.Symbol!, type) : ExprValue.Unknown(type);
    }

    /// <summary>For a flag not known here: the parameter of the analysed model it comes from, if any.</summary>
    public string? FlagSymbol(string parameter) =>
        Flag(parameter) is null && _flagSymbols.TryGetValue(parameter, out var symbol) ? symbol : null;

    private void SetDefault(ParameterSpec parameter)
    {
        if (parameter.DefaultValue is "true" or "false")
        {
            _flags[parameter.Name] = parameter.DefaultValue == "true";
        }
        else if (_types.TryGetValue(parameter.Name, out var type) && type == ExprType.Double)
        {
            if (double.TryParse(parameter.DefaultValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var real))
            {
                _reals[parameter.Name] = real;
            }
        }
        else if (long.TryParse(parameter.DefaultValue, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            _sizes[parameter.Name] = Dim.Of(value);
        }
    }
}
