using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Expressions: references, constants, operators, collections, tuples, indexing.</summary>
internal sealed partial class ForwardReader
{
    private ForwardExpr Expr(IOperation operation)
    {
        var location = LocationInfo.From(operation.Syntax);
        if (operation.ConstantValue.HasValue && operation is not ILocalReferenceOperation)
        {
            return Constant(operation.ConstantValue.Value, operation, location);
        }

        switch (operation)
        {
            case IConversionOperation conversion when conversion.OperatorMethod is null:
                return Expr(conversion.Operand);
            // A number passed where TorchSharp takes a Scalar (x.add(1), x > 0, masked_fill(mask, 0)) is still that number.
            case IConversionOperation { OperatorMethod: { } scalar } conversion when TypeShapes.MetadataName(scalar.ContainingType) == KnownNames.Scalar:
                return Expr(conversion.Operand);
            case IParenthesizedOperation parenthesized:
                return Expr(parenthesized.Operand);
            case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, _forward):
                return Variable(parameter) is { } input ? new LocalRef(input, location) : new InputRef(parameter.Parameter.Ordinal, location);
            case ILocalReferenceOperation local:
                return new LocalRef(Local(local.Local), location);
            case IPropertyReferenceOperation property:
                return Property(property, location);
            case IFieldReferenceOperation field:
                return Field(field, location);
            case IInvocationOperation invocation:
                return Invocation(invocation, location);
            case IBinaryOperation binary when BinaryOperator(binary.OperatorKind) is { } op:
                return (ForwardExpr?)IsNullComparison(binary, op, location) ?? new BinaryExpr(op, Expr(binary.LeftOperand), Expr(binary.RightOperand), location);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Minus or UnaryOperatorKind.Not } unary:
                return new UnaryExpr(unary.OperatorKind == UnaryOperatorKind.Minus ? "-" : "!", Expr(unary.Operand), location);
            case IUnaryOperation { OperatorKind: UnaryOperatorKind.Plus } plus:
                return Expr(plus.Operand);
            case IConditionalOperation { WhenFalse: { } whenFalse } conditional:
                return new ConditionalExpr(Expr(conditional.Condition), Expr(conditional.WhenTrue), Expr(whenFalse), location);
            case IIsPatternOperation { Pattern: IConstantPatternOperation { Value: var constant } } pattern when IsNull(constant):
                return new IsNullExpr(Expr(pattern.Value), false, location);
            case IIsPatternOperation { Pattern: INegatedPatternOperation { Pattern: IConstantPatternOperation { Value: var constant } } } pattern when IsNull(constant):
                return new IsNullExpr(Expr(pattern.Value), true, location);
            case ICoalesceOperation coalesce:
                return new ConditionalExpr(new IsNullExpr(Expr(coalesce.Value), false, location), Expr(coalesce.WhenNull), Expr(coalesce.Value), location);
            case IConditionalAccessOperation access:
                // m?.call(x): null when m is null, else the access with m in place of the placeholder.
                var receiver = Expr(access.Operation);
                return new ConditionalExpr(new IsNullExpr(receiver, false, location), new ConstantExpr(ArgValue.Absent, location), WithReceiver(access.WhenNotNull, receiver), location);
            case IArrayCreationOperation { Initializer: { } initializer }:
                return new CollectionExpr(initializer.ElementValues.Select(Expr).ToEquatableArray(), location);
            case IObjectCreationOperation creation when IsList(creation.Type):
                return ListCreation(creation, location);
            case ITupleOperation tuple:
                return new TupleExpr(tuple.Elements.Select(Expr).ToEquatableArray(), location);
            case IArrayElementReferenceOperation { Indices.Length: 1 } element:
                return new ElementExpr(Expr(element.ArrayReference), Bound(element.Indices[0], out var fromEnd)!, location, fromEnd);
            case IDefaultValueOperation:
                return new ConstantExpr(ArgValue.Absent, location);
            case IConditionalAccessInstanceOperation when _conditionalReceiver.Count > 0:
                return _conditionalReceiver.Peek();
            case IInstanceReferenceOperation:
                return Unknown("the model itself", operation, location);
            default:
                // C# 12 collection expressions ([a, b]) are read by their elements; OperationKind.CollectionExpression
                // is newer than the Roslyn NetGen builds against, so they are recognised by name.
                if (operation.Kind.ToString() == "CollectionExpression")
                {
                    return new CollectionExpr(operation.ChildOperations.Select(Expr).ToEquatableArray(), location);
                }

                return Unknown($"an expression NetGen does not model ({operation.Kind})", operation, location);
        }
    }

    private ConstantExpr Constant(object? value, IOperation operation, LocationInfo? location) => new(value switch
    {
        null => ArgValue.Absent,
        bool flag => ArgValue.FromBool(flag),
        double d => ArgValue.FromDouble(d),
        float f => ArgValue.FromDouble(f),
        decimal m => ArgValue.FromDouble((double)m),
        string text => ArgValue.FromText(text),
        char c => ArgValue.FromText(c.ToString()),
        // An enum constant (an interpolation mode) is kept by its member's name.
        _ when operation.Type?.TypeKind == TypeKind.Enum => ArgValue.FromText(EnumMember(operation.Type, value) ?? value.ToString()!),
        _ => ArgValue.FromInt(System.Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)),
    }, location);

    private static string? EnumMember(ITypeSymbol type, object value) =>
        type.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, value))?.Name;

    private static bool IsNull(IOperation operation) => operation.ConstantValue is { HasValue: true, Value: null };

    /// <summary><c>m == null</c> and <c>m != null</c> read as <see cref="IsNullExpr"/>.</summary>
    private IsNullExpr? IsNullComparison(IBinaryOperation binary, string op, LocationInfo? location)
    {
        if (op is not ("==" or "!="))
        {
            return null;
        }

        var other = IsNull(binary.RightOperand) ? binary.LeftOperand : IsNull(binary.LeftOperand) ? binary.RightOperand : null;
        return other is null ? null : new IsNullExpr(Expr(other), op == "!=", location);
    }

    private ForwardExpr Property(IPropertyReferenceOperation property, LocationInfo? location)
    {
        var symbol = property.Property;
        if (property.Instance is null or IInstanceReferenceOperation)
        {
            if (property.Instance is not null && _members.Contains(symbol.Name))
            {
                return new MemberRef(symbol.Name, location);
            }

            if (property.Instance is not null && _hyperparameters.Contains(symbol.Name) && TypeShapes.IsNetGenGenerated(symbol))
            {
                return new HyperparameterRef(symbol.Name, location);
            }

            if (property.Instance is not null && symbol.Name == "training" && TypeShapes.MetadataName(symbol.ContainingType.OriginalDefinition) == KnownNames.Module)
            {
                return new TrainingFlag(location);
            }

            return Unknown($"the property {symbol.Name}", property, location);
        }

        var owner = TypeShapes.MetadataName(symbol.ContainingType.OriginalDefinition);
        if (symbol.IsIndexer)
        {
            if (owner == KnownNames.Tensor)
            {
                return TensorIndex(property, location);
            }

            if ((IsList(symbol.ContainingType) || owner == KnownNames.ModuleList) && property.Arguments.Length == 1)
            {
                return new ElementExpr(Expr(property.Instance), Expr(property.Arguments[0].Value), location);
            }
        }
        else if (owner == KnownNames.Tensor && symbol.Name is "shape" or "ndim" or "Dimensions")
        {
            return new PropertyExpr(Expr(property.Instance), symbol.Name == "shape" ? "shape" : "ndim", location);
        }
        else if (symbol.Name is "Count" or "Length" && (IsList(symbol.ContainingType) || owner == KnownNames.ModuleList || symbol.ContainingType.SpecialType == SpecialType.System_Array))
        {
            return new PropertyExpr(Expr(property.Instance), "Count", location);
        }
        else if (owner.StartsWith("System.Tuple`", System.StringComparison.Ordinal) && TupleIndex(symbol.Name) is { } item)
        {
            return new TupleItemExpr(Expr(property.Instance), item, location);
        }

        return Unknown($"the property {symbol.ContainingType.Name}.{symbol.Name}", property, location);
    }

    private ForwardExpr Field(IFieldReferenceOperation field, LocationInfo? location)
    {
        var symbol = field.Field;
        if (field.Instance is IInstanceReferenceOperation)
        {
            if (_members.Contains(symbol.Name))
            {
                return new MemberRef(symbol.Name, location);
            }

            if (symbol.Name.StartsWith("__p_", System.StringComparison.Ordinal) && _hyperparameters.Contains(symbol.Name.Substring(4)))
            {
                return new HyperparameterRef(symbol.Name.Substring(4), location);
            }
        }

        if (field.Instance is { } tuple && symbol.ContainingType.IsTupleType)
        {
            var index = symbol.CorrespondingTupleField is { } element ? TupleIndex(element.Name) : TupleIndex(symbol.Name);
            if (index is { } item)
            {
                return new TupleItemExpr(Expr(tuple), item, location);
            }
        }

        return Unknown($"the field {symbol.Name}", field, location);
    }

    private static int? TupleIndex(string name) =>
        name.StartsWith("Item", System.StringComparison.Ordinal) && int.TryParse(name.Substring(4), out var n) && n >= 1 ? n - 1 : null;

    /// <summary><c>new List&lt;Tensor&gt; { a, b }</c> or <c>new List&lt;Tensor&gt;()</c>; a list built from another collection is not followed.</summary>
    private ForwardExpr ListCreation(IObjectCreationOperation creation, LocationInfo? location)
    {
        if (creation.Arguments.Any(a => a.Parameter?.Type.SpecialType != SpecialType.System_Int32))
        {
            return Unknown("a list copied from another collection", creation, location);
        }

        var elements = new List<ForwardExpr>();
        foreach (var initializer in creation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
        {
            if (initializer is IInvocationOperation { TargetMethod.Name: "Add", Arguments.Length: 1 } add)
            {
                elements.Add(Expr(add.Arguments[0].Value));
            }
            else
            {
                return Unknown("a list initializer NetGen does not model", creation, location);
            }
        }

        return new CollectionExpr(elements.ToEquatableArray(), location);
    }

    /// <summary>The access of <c>m?.call(x)</c> with <paramref name="receiver"/> where the placeholder stands.</summary>
    private ForwardExpr WithReceiver(IOperation whenNotNull, ForwardExpr receiver)
    {
        _conditionalReceiver.Push(receiver);
        try
        {
            return Expr(whenNotNull);
        }
        finally
        {
            _conditionalReceiver.Pop();
        }
    }

    private readonly Stack<ForwardExpr> _conditionalReceiver = new();

    private static bool IsList(ITypeSymbol? type) =>
        type is INamedTypeSymbol named && TypeShapes.MetadataName(named.OriginalDefinition) == "System.Collections.Generic.List`1";

    private static string? BinaryOperator(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => "+",
        BinaryOperatorKind.Subtract => "-",
        BinaryOperatorKind.Multiply => "*",
        BinaryOperatorKind.Divide => "/",
        BinaryOperatorKind.Remainder => "%",
        BinaryOperatorKind.Equals => "==",
        BinaryOperatorKind.NotEquals => "!=",
        BinaryOperatorKind.LessThan => "<",
        BinaryOperatorKind.LessThanOrEqual => "<=",
        BinaryOperatorKind.GreaterThan => ">",
        BinaryOperatorKind.GreaterThanOrEqual => ">=",
        BinaryOperatorKind.ConditionalAnd => "&&",
        BinaryOperatorKind.ConditionalOr => "||",
        BinaryOperatorKind.And => "&",
        BinaryOperatorKind.Or => "|",
        _ => null,
    };

    /// <summary>An expression NetGen does not model: its operands are still analysed, and what it may change is forgotten.</summary>
    private UnknownExpr Unknown(string why, IOperation operation, LocationInfo? location) =>
        new(why, Operands(operation), Havoc(operation), location, KindOf(operation.Type));

    private static UnknownKind KindOf(ITypeSymbol? type) => type?.SpecialType switch
    {
        SpecialType.System_Boolean => UnknownKind.Flag,
        SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16 or SpecialType.System_Int32
            or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64 => UnknownKind.Integer,
        SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal => UnknownKind.Real,
        _ => UnknownKind.Any,
    };

    /// <summary>
    /// What an unmodelled expression surely evaluates: its receiver and arguments, not a lambda's body (which may
    /// never run, so a mistake in it is no definite error).
    /// </summary>
    private EquatableArray<ForwardExpr> Operands(IOperation operation) =>
        operation.ChildOperations
            .Where(c => c is not (IInstanceReferenceOperation or IAnonymousFunctionOperation or IDelegateCreationOperation or IBlockOperation))
            .Select(c => c is IArgumentOperation argument ? argument.Value : c)
            .Where(c => c is not (IAnonymousFunctionOperation or IDelegateCreationOperation))
            .Select(Expr).ToEquatableArray();

    /// <summary>The locals an unmodelled expression may change: collections it receives, tensors it changes in place, locals it assigns.</summary>
    private EquatableArray<string> Havoc(IOperation operation) => Writes(operation);
}
