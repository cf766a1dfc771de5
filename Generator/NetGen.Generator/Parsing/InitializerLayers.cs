using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Generator.Catalogue;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads the layer a field's initializer builds, where it is one call of TorchSharp's own factory with constant
/// arguments: <c>private readonly Linear fc = nn.Linear(120, 84);</c> is followed as <c>[Linear(120, 84)]</c> would be,
/// and so is <c>private Module&lt;Tensor, Tensor&gt; fc = Linear(120, 84);</c> where nothing assigns the field again;
/// <c>new ConvBnAct(16)</c> of a NetGen model is followed as <c>[Block&lt;ConvBnAct&gt;(16)]</c>; and so is each child of
/// an <c>nn.Sequential(…)</c> of such calls.
/// Anything else (a variable, an enum such as <c>Padding.Same</c>, an argument NetGen has no name for, another
/// method) is not read, and the field stays what its type alone says.
/// </summary>
internal static class InitializerLayers
{
    private const string NnType = "TorchSharp.torch+nn";

    private const string TorchType = "TorchSharp.torch";

    /// <summary>How a Parameter's list of sizes is read: as sizes, not as LayerNorm's shape.</summary>
    private static readonly LayerArgument ShapeArgument = LayerArgument.Required("Size", "size");

    /// <summary>How deep Sequentials may nest inside a field's initializer before NetGen stops reading (and leaves it unchecked).</summary>
    public const int MaxNesting = 8;

    /// <summary>Arguments that change neither a shape nor a parameter count, so a call may pass them.</summary>
    private static readonly string[] Placement = { "device", "dtype" };

    /// <summary>
    /// What <paramref name="initializer"/> builds: one layer (or block) with its arguments, or the children of an <c>nn.Sequential(…)</c>
    /// of such layers, each named where the call names it (<c>("c1", nn.Conv2d(3, 64, 3))</c>); neither where NetGen cannot
    /// read it, or one of the children.
    /// </summary>
    public static (LayerSpec? Layer, EquatableArray<LayerSpec> Children) Read(ExpressionSyntax initializer, MemberContext context, LocationInfo? location)
    {
        var operation = context.Compilation.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer);
        return ReadCall(operation, context, location) is { } layer
            ? (layer, EquatableArray<LayerSpec>.Empty)
            : (null, ReadSequence(operation, context, location, depth: 0) ?? EquatableArray<LayerSpec>.Empty);
    }

    /// <summary>
    /// The children of an <c>nn.ModuleList&lt;T&gt;(…)</c> a field of a <c>ModuleList</c> holds, each a layer or block this
    /// reader reads, under its position; empty where NetGen cannot read it, or one of them.
    /// </summary>
    public static EquatableArray<LayerSpec> ReadModuleList(ExpressionSyntax initializer, MemberContext context, LocationInfo? location)
    {
        var elements = ContainerElements(context.Compilation.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer), "ModuleList");
        if (elements.IsDefault)
        {
            return EquatableArray<LayerSpec>.Empty;
        }

        var children = new List<LayerSpec>();
        foreach (var element in elements)
        {
            if (ReadChild(element, context, location, depth: 0) is not { } layer)
            {
                return EquatableArray<LayerSpec>.Empty;
            }

            children.Add(layer);
        }

        return children.ToEquatableArray();
    }

    /// <summary>
    /// The shape of the tensor a Parameter field is made from: <c>new Parameter(torch.zeros(1, 16, 32))</c>,
    /// <c>nn.Parameter(randn(1, 1, 64))</c>, also scaled or shifted by a number (<c>randn(…) * 0.02</c>); each size a
    /// constant of at least 1. Empty where NetGen cannot read it.
    /// </summary>
    public static EquatableArray<ArgValue> ReadParameterShape(ExpressionSyntax initializer, MemberContext context)
    {
        var data = Unwrap(context.Compilation.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer)) switch
        {
            IObjectCreationOperation { Constructor: { } constructor, Arguments: [var first, ..], Initializer: null }
                when TypeShapes.MetadataName(constructor.ContainingType) == KnownNames.Parameter => first.Value,
            IInvocationOperation { Instance: null, TargetMethod.Name: "Parameter", Arguments: [var first, ..] } call
                when TypeShapes.MetadataName(call.TargetMethod.ContainingType) == NnType => first.Value,
            _ => null,
        };
        data = Unwrap(data);
        while (data is IBinaryOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide or BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } scaled
            && Constant(scaled.RightOperand) is { Kind: ArgKind.Int or ArgKind.Double })
        {
            data = Unwrap(scaled.LeftOperand);
        }

        if (data is not IInvocationOperation { Instance: null, TargetMethod.Name: "zeros" or "ones" or "randn" or "rand" or "empty" } factory
            || TypeShapes.MetadataName(factory.TargetMethod.ContainingType) != TorchType)
        {
            return EquatableArray<ArgValue>.Empty;
        }

        var dims = new List<ArgValue>();
        foreach (var argument in factory.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? int.MaxValue))
        {
            var name = argument.Parameter?.Name;
            if (name is not ("size" or "rows" or "columns" or "dim0" or "dim1" or "dim2" or "dim3"))
            {
                continue;
            }

            var sizes = Constant(argument.Value) is { } scalar ? new[] { scalar }
                : ValueOf(argument.Value, ShapeArgument) is { Kind: ArgKind.IntList } list ? list.Ints.Select(ArgValue.FromInt).ToArray()
                : null;
            if (sizes is null || sizes.Any(d => d is not { Kind: ArgKind.Int, Int: >= 1 }))
            {
                return EquatableArray<ArgValue>.Empty;
            }

            dims.AddRange(sizes);
        }

        return dims.ToEquatableArray();
    }

    /// <summary>A child of a Sequential or ModuleList: a layer or block, or a Sequential nested in it (to <see cref="MaxNesting"/> levels).</summary>
    private static LayerSpec? ReadChild(IOperation? module, MemberContext context, LocationInfo? location, int depth) =>
        ReadCall(module, context, location)
        ?? (depth < MaxNesting && ReadSequence(module, context, location, depth + 1) is { } children
            ? new LayerSpec(LayerKind.Sequential, EquatableArray<LayerArg>.Empty, location) { Children = children }
            : null);

    /// <summary>
    /// The modules passed to TorchSharp's <c>nn.Sequential(…)</c> or <c>nn.ModuleList&lt;T&gt;(…)</c> (<paramref name="factory"/>),
    /// as one list, in order; default where the initializer is not such a call, or passes none or a collection built elsewhere.
    /// </summary>
    private static ImmutableArray<IOperation> ContainerElements(IOperation? initializer, string factory) =>
        Unwrap(initializer) is IInvocationOperation { Instance: null, Arguments: [{ ArgumentKind: ArgumentKind.ParamArray or ArgumentKind.Explicit } argument] } call
        && call.TargetMethod.Name == factory && TypeShapes.MetadataName(call.TargetMethod.ContainingType) == NnType
        && Unwrap(argument.Value) is IArrayCreationOperation { Initializer.ElementValues: { Length: > 0 } elements }
            ? elements
            : default;

    private static EquatableArray<LayerSpec>? ReadSequence(IOperation? initializer, MemberContext context, LocationInfo? location, int depth)
    {
        var elements = ContainerElements(initializer, "Sequential");
        if (elements.IsDefault)
        {
            return null;
        }

        var children = new List<LayerSpec>();
        foreach (var element in elements.Select(Unwrap))
        {
            var (name, module) = element is ITupleOperation { Elements: [var first, var second] }
                ? (first.ConstantValue is { HasValue: true, Value: string text } ? text : "", second)
                : (null, element);
            if (ReadChild(module, context, location, depth) is not { } layer)
            {
                return null;
            }

            children.Add(layer with { Name = name });
        }

        if (!NamesKeepKeysApart(children))
        {
            return null;
        }

        return children.ToEquatableArray();
    }

    /// <summary>
    /// Whether a Sequential another assembly's descriptor says a field holds is one this reader could have read: every
    /// child one it could have read (<see cref="CouldHaveRead(LayerSpec)"/>), under names that keep their keys apart.
    /// </summary>
    public static bool CouldHaveRead(EquatableArray<LayerSpec> children) =>
        !children.IsEmpty && children.All(CouldHaveRead) && NamesKeepKeysApart(children);

    /// <summary>
    /// Whether the children's names keep their keys apart: each name given is not empty and has no '.', which separates a
    /// key's parts, and no two children share one.
    /// </summary>
    private static bool NamesKeepKeysApart(IEnumerable<LayerSpec> children)
    {
        var names = children.Where(c => c.Name is not null).Select(c => c.Name!).ToList();
        return names.All(n => n.Length > 0 && n.IndexOf('.') < 0) && names.Distinct(StringComparer.Ordinal).Count() == names.Count;
    }

    private static LayerSpec? ReadCall(IOperation? initializer, MemberContext context, LocationInfo? location)
    {
        var operation = Unwrap(initializer);
        if (operation is IObjectCreationOperation creation)
        {
            return ReadBlock(creation, context, location);
        }

        // The factory's own return type says which layer it builds, whatever type the field is declared with.
        if (operation is not IInvocationOperation { Instance: null } call || TypeShapes.MetadataName(call.TargetMethod.ContainingType) != NnType
            || TypeShapes.LayerKindOf(call.TargetMethod.ReturnType) is not { } kind || call.TargetMethod.Name != kind.Name
            || ReadableEntry(kind) is not { } entry)
        {
            return null;
        }

        var positional = entry.Arguments.Where(a => a.Positional).ToList();
        if (!TakesRequiredFirst(call.TargetMethod, positional))
        {
            return null;
        }

        var args = new List<LayerArg>();
        foreach (var argument in call.Arguments)
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue || Placement.Contains(argument.Parameter?.Name))
            {
                continue;
            }

            if (argument is not { ArgumentKind: ArgumentKind.Explicit, Parameter: { } parameter } || !IsPlain(parameter.Type))
            {
                return null;
            }

            var target = parameter.Ordinal < positional.Count
                ? positional[parameter.Ordinal]
                : entry.Arguments.FirstOrDefault(a => !a.Positional && a.TorchSharp == parameter.Name);
            if (target is null || ValueOf(argument.Value, target) is not { } value || ConstantArguments.Problem(target, value) is not null)
            {
                return null;
            }

            if (!value.IsAbsent)
            {
                args.Add(new LayerArg(target.Name, value, location));
            }
        }

        return positional.All(p => args.Any(a => a.Name == p.Name)) ? new LayerSpec(kind, args.ToEquatableArray(), location) : null;
    }

    /// <summary>
    /// <c>new ConvBnAct(16)</c> of a NetGen model, followed as <c>[Block&lt;ConvBnAct&gt;(16)]</c> would be. A model's
    /// constructor is the one NetGen writes from its hyperparameters (NG0007 refuses any other), so its arguments, in the
    /// constructor's order with its defaults filled in, are the block's hyperparameters; each must be a constant.
    /// </summary>
    private static LayerSpec? ReadBlock(IObjectCreationOperation creation, MemberContext context, LocationInfo? location)
    {
        if (creation is not { Constructor: { } constructor, Initializer: null } || !TypeShapes.IsNetGenModel(constructor.ContainingType)
            || constructor.ContainingType.IsGenericType)
        {
            return null;
        }

        var values = new ArgValue?[constructor.Parameters.Length];
        foreach (var argument in creation.Arguments)
        {
            if (argument is not { ArgumentKind: ArgumentKind.Explicit or ArgumentKind.DefaultValue, Parameter: { } parameter } || !IsPlain(parameter.Type)
                || Constant(argument.Value) is not { Kind: ArgKind.Int or ArgKind.Double or ArgKind.Bool } value)
            {
                return null;
            }

            values[parameter.Ordinal] = value;
        }

        if (values.Any(v => v is null))
        {
            return null;
        }

        // The block's own analysis is an input of this model's, as a [Block<T>] member's is.
        context.UsesBlock(constructor.ContainingType);
        return new LayerSpec(LayerKind.Block, EquatableArray<LayerArg>.Empty, location,
            constructor.ContainingType.ToDisplayString(TypeShapes.FullyQualified), values.Select(v => v!.Value).ToEquatableArray());
    }

    /// <summary>
    /// Whether a layer another assembly's descriptor says a field holds is one this reader could have read: the
    /// descriptor must not make NetGen trust what it would not have trusted in source.
    /// </summary>
    public static bool CouldHaveRead(LayerSpec layer) => CouldHaveRead(layer, depth: 0);

    private static bool CouldHaveRead(LayerSpec layer, int depth)
    {
        if (layer.Kind == LayerKind.Sequential)
        {
            return depth < MaxNesting && layer is { Args.IsEmpty: true, BlockType: null } && !layer.Children.IsEmpty
                && layer.Children.All(c => CouldHaveRead(c, depth + 1)) && NamesKeepKeysApart(layer.Children);
        }

        if (!layer.Children.IsEmpty)
        {
            return false;
        }

        if (layer.Kind == LayerKind.Block)
        {
            return layer.BlockType is not null && layer.Args.IsEmpty && layer.BlockArgs.All(a => a.Kind is ArgKind.Int or ArgKind.Double or ArgKind.Bool);
        }

        if (ReadableEntry(layer.Kind) is not { } entry || layer.BlockType is not null || !layer.BlockArgs.IsEmpty)
        {
            return false;
        }

        foreach (var arg in layer.Args)
        {
            if (entry.Argument(arg.Name) is not { } argument || arg.Value.Kind is not (ArgKind.Int or ArgKind.Double or ArgKind.Bool or ArgKind.IntList)
                || ConstantArguments.Problem(argument, arg.Value) is not null || layer.Args.Count(a => a.Name == arg.Name) > 1)
            {
                return false;
            }
        }

        return entry.Arguments.Where(a => a.Positional).All(p => layer.Args.Any(a => a.Name == p.Name));
    }

    /// <summary>The catalogue entry of a layer that takes one tensor and gives one.</summary>
    private static LayerEntry? ReadableEntry(LayerKind kind) => kind.Entry() is { ReturnsTuple: false } entry ? entry : null;

    /// <summary>
    /// Whether the factory takes the catalogue's required arguments first and in its order, as its own parameter names
    /// say (<c>Conv2d(in_channels, out_channels, kernel_size, …)</c>, <c>Linear(inputSize, outputSize, …)</c>): only then
    /// is an argument passed by position read as the catalogue's. Asking the called overload itself, rather than keeping
    /// a list of layers known to fit, holds for any TorchSharp version: a factory that renames or reorders them is not read.
    /// </summary>
    private static bool TakesRequiredFirst(IMethodSymbol factory, IReadOnlyList<LayerArgument> required)
    {
        if (factory.Parameters.Length < required.Count)
        {
            return false;
        }

        for (var i = 0; i < required.Count; i++)
        {
            var name = factory.Parameters[i].Name;
            if (name != required[i].TorchSharp && name != required[i].PyTorch)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A constant, or a tuple or array of int constants, as NetGen keeps it; null when it is neither.</summary>
    private static ArgValue? ValueOf(IOperation value, LayerArgument target)
    {
        if (Constant(value) is { } scalar)
        {
            // LayerNorm's normalized_shape is a list of sizes, as its attribute keeps it, even when one long is passed.
            return scalar.Kind == ArgKind.Int && target.Rule == ArgRule.Shape ? ArgValue.FromInts(new[] { scalar.Int }.ToEquatableArray()) : scalar;
        }

        var items = Unwrap(value) switch
        {
            ITupleOperation tuple => tuple.Elements,
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues,
            _ => default,
        };
        if (items.IsDefaultOrEmpty)
        {
            return null;
        }

        var ints = new List<long>();
        foreach (var item in items)
        {
            if (Constant(item) is not { Kind: ArgKind.Int } element)
            {
                return null;
            }

            ints.Add(element.Int);
        }

        return ArgValue.FromInts(ints.ToEquatableArray());
    }

    /// <summary>A constant: <see cref="ArgValue.Absent"/> for <c>null</c> (the default applies); null when it is none NetGen keeps.</summary>
    private static ArgValue? Constant(IOperation value)
    {
        while (!value.ConstantValue.HasValue && value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value.ConstantValue is { HasValue: true, Value: var constant }
            ? constant switch
            {
                null => ArgValue.Absent,
                bool flag => ArgValue.FromBool(flag),
                int or long or short or byte or sbyte or ushort or uint => ArgValue.FromInt(Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture)),
                double or float => ArgValue.FromDouble(Convert.ToDouble(constant, System.Globalization.CultureInfo.InvariantCulture)),
                _ => null,
            }
            : null;
    }

    /// <summary>A parameter type whose constants are the sizes, flags and numbers NetGen's arguments are: no enum, device or tensor.</summary>
    private static bool IsPlain(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable)
        {
            type = nullable.TypeArguments[0];
        }

        return type.SpecialType is SpecialType.System_Boolean or SpecialType.System_Int32 or SpecialType.System_Int64 or SpecialType.System_Double or SpecialType.System_Single
            || type is IArrayTypeSymbol { ElementType.SpecialType: SpecialType.System_Int64 }
            || type is INamedTypeSymbol { IsTupleType: true } tuple && tuple.TupleElements.All(e => e.Type.SpecialType == SpecialType.System_Int64);
    }

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        return operation;
    }
}
