using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>Calls: a module called, a TorchSharp operation, a collection method; and tensor indexing.</summary>
internal sealed partial class ForwardReader
{
    private const string TorchType = "TorchSharp.torch";
    private const string FunctionalType = "TorchSharp.torch+nn+functional";
    private const string LinalgType = "TorchSharp.torch+linalg";
    private const string TensorIndexType = "TorchSharp.torch+TensorIndex";

    /// <summary>Methods of a .NET list or of LINQ that the analysis follows on a list of tensors, sizes or modules.</summary>
    private static readonly HashSet<string> CollectionMethods = new(System.StringComparer.Ordinal)
    {
        "Add", "Insert", "AddRange", "Clear", "RemoveAt", "ToArray", "ToList", "Reverse", "Skip", "Take", "First", "Last", "Count", "ElementAt",
    };

    private ForwardExpr Invocation(IInvocationOperation invocation, LocationInfo? location)
    {
        var method = invocation.TargetMethod;
        var owner = TypeShapes.MetadataName(method.ContainingType.OriginalDefinition);
        var receiver = invocation.Instance;
        var arguments = invocation.Arguments.AsEnumerable();
        if (method.IsExtensionMethod && invocation.Instance is null && invocation.Arguments.Length > 0)
        {
            receiver = invocation.Arguments[0].Value;
            arguments = invocation.Arguments.Skip(1);
        }

        if (_helpers is not null && _helpers.IsHelper(method, _model, receiver))
        {
            return HelperCall(method, invocation, location);
        }

        if (method.Name is "call" or "forward" && receiver is not null and not IInstanceReferenceOperation && TypeShapes.IsModule(receiver.Type))
        {
            var passed = arguments.Where(a => a.ArgumentKind != ArgumentKind.DefaultValue).Select(a => Expr(a.Value)).ToEquatableArray();
            return new ModuleCallExpr(Expr(receiver), passed, location);
        }

        var family = owner switch
        {
            KnownNames.Tensor => CallFamily.Tensor,
            TorchType => CallFamily.Torch,
            FunctionalType => CallFamily.Functional,
            LinalgType => CallFamily.Linalg,
            _ when method.IsExtensionMethod && receiver is not null && TypeShapes.MetadataName(receiver.Type!) == KnownNames.Tensor && owner.StartsWith("TorchSharp.", System.StringComparison.Ordinal) => CallFamily.Tensor,
            _ when (IsList(method.ContainingType) || owner == "System.Linq.Enumerable") && CollectionMethods.Contains(method.Name) => CallFamily.Collection,
            _ when method.Name is "children" or "modules" && receiver is not null && TypeShapes.IsModule(receiver.Type) => CallFamily.Collection,
            _ => (CallFamily?)null,
        };
        if (family is null)
        {
            return Unknown($"a call of {method.ContainingType.Name}.{method.Name}", invocation, location);
        }

        var args = arguments.Where(a => a.Parameter is not null).Select(a => new ForwardArg(a.Parameter!.Name, Expr(a.Value))).ToEquatableArray();
        return new CallExpr(family.Value, method.Name, receiver is null || receiver is IInstanceReferenceOperation ? null : Expr(receiver), args, location);
    }

    /// <summary><c>x[.., 0]</c>, <c>x[TensorIndex.Ellipsis, TensorIndex.Slice(0, 4)]</c>, <c>x[0]</c>.</summary>
    private ForwardExpr TensorIndex(IPropertyReferenceOperation indexer, LocationInfo? location)
    {
        var indices = new List<TensorIndexSpec>();
        foreach (var argument in indexer.Arguments)
        {
            if (argument.Value is IArrayCreationOperation { Initializer: { } initializer })
            {
                indices.AddRange(initializer.ElementValues.Select(Index));
            }
            else if (argument.ArgumentKind != ArgumentKind.DefaultValue)
            {
                indices.Add(Index(argument.Value));
            }
        }

        return new TensorIndexExpr(Expr(indexer.Instance!), indices.ToEquatableArray(), location);
    }

    private TensorIndexSpec Index(IOperation value)
    {
        switch (value)
        {
            case IConversionOperation conversion:
                return Index(conversion.Operand);
            case IRangeOperation range:
                return new TensorIndexSpec(TensorIndexKind.Slice, Bound(range.LeftOperand, out var startFromEnd), Bound(range.RightOperand, out var stopFromEnd), null, startFromEnd, stopFromEnd);
            case IPropertyReferenceOperation { Property.IsStatic: true } property when TypeShapes.MetadataName(property.Property.ContainingType) == TensorIndexType:
                return property.Property.Name switch
                {
                    "Ellipsis" => new TensorIndexSpec(TensorIndexKind.Ellipsis, null, null, null),
                    "None" => new TensorIndexSpec(TensorIndexKind.NewAxis, null, null, null),
                    "Colon" => new TensorIndexSpec(TensorIndexKind.Slice, null, null, null),
                    _ => new TensorIndexSpec(TensorIndexKind.Other, null, null, null),
                };
            case IInvocationOperation call when TypeShapes.MetadataName(call.TargetMethod.ContainingType) == TensorIndexType:
                ForwardExpr? Arg(string name) => call.Arguments.FirstOrDefault(a => a.Parameter?.Name == name) is { ArgumentKind: not ArgumentKind.DefaultValue } a ? Expr(a.Value) : null;
                return call.TargetMethod.Name switch
                {
                    "Slice" when call.Arguments.All(a => a.Value.Type?.SpecialType is SpecialType.System_Int64 or SpecialType.System_Int32 || a.Value.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T })
                        => new TensorIndexSpec(TensorIndexKind.Slice, Arg("start"), Arg("stop"), Arg("step")),
                    "Single" => new TensorIndexSpec(TensorIndexKind.Single, call.Arguments.Length == 1 ? Expr(call.Arguments[0].Value) : null, null, null),
                    _ => new TensorIndexSpec(TensorIndexKind.Other, null, null, null),
                };
            default:
                return value.Type?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64
                    ? new TensorIndexSpec(TensorIndexKind.Single, Expr(value), null, null)
                    : new TensorIndexSpec(TensorIndexKind.Other, null, null, null);
        }
    }

    /// <summary>One end of a range: <c>2</c>, or <c>^1</c> (from the end); null when omitted.</summary>
    private ForwardExpr? Bound(IOperation? bound, out bool fromEnd)
    {
        fromEnd = false;
        var operation = bound;
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is IUnaryOperation { OperatorKind: UnaryOperatorKind.Hat } hat)
        {
            fromEnd = true;
            return Expr(hat.Operand);
        }

        return operation is null ? null : Expr(operation);
    }
}
