using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads the model's static factories (<c>public static ResNet ResNet50() =&gt; new(ResNetBlock.Bottleneck, 3, 4, 6, 3);</c>),
/// so that the summary covers each published variant, not the defaults alone. A factory qualifies when its body is
/// one creation of the model; its arguments must be constants, or the factory's own parameters with defaults.
/// </summary>
internal static class VariantParser
{
    public static EquatableArray<VariantSpec> Parse(INamedTypeSymbol type, Compilation compilation, CancellationToken cancellationToken)
    {
        var variants = new List<VariantSpec>();
        foreach (var method in type.GetMembers().OfType<IMethodSymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!method.IsStatic || method.MethodKind != MethodKind.Ordinary || method.IsGenericMethod
                || !SymbolEqualityComparer.Default.Equals(method.ReturnType, type)
                || method.DeclaringSyntaxReferences.Length != 1
                || method.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) is not MethodDeclarationSyntax declaration
                || Creation(declaration) is not { } creation)
            {
                continue;
            }

            var operation = compilation.GetSemanticModel(declaration.SyntaxTree).GetOperation(creation, cancellationToken);
            if (operation is IObjectCreationOperation { Constructor: { } constructor } built
                && SymbolEqualityComparer.Default.Equals(constructor.ContainingType, type))
            {
                variants.Add(Read(method.Name, built));
            }
        }

        // Summary.Variants is keyed by name, so overloads would be ambiguous: each is left out with the reason.
        return variants
            .GroupBy(v => v.Name)
            .Select(g => g.Count() == 1 ? g.First() : new VariantSpec(g.Key, EquatableArray<VariantArgument>.Empty, "its name has overloads"))
            .ToEquatableArray();
    }

    /// <summary>The object creation a factory returns: its expression body, or its one <c>return</c>.</summary>
    private static BaseObjectCreationExpressionSyntax? Creation(MethodDeclarationSyntax method) =>
        method.ExpressionBody?.Expression as BaseObjectCreationExpressionSyntax
        ?? (method.Body is { Statements: { Count: 1 } statements } && statements[0] is ReturnStatementSyntax { Expression: BaseObjectCreationExpressionSyntax returned } ? returned : null);

    private static VariantSpec Read(string name, IObjectCreationOperation creation)
    {
        var arguments = new List<VariantArgument>();
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is not { } parameter)
            {
                return new VariantSpec(name, EquatableArray<VariantArgument>.Empty, "an argument binds to no parameter");
            }

            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                continue;
            }

            if (Constant(argument.Value) is not { } value)
            {
                return new VariantSpec(name, EquatableArray<VariantArgument>.Empty, $"its argument for '{parameter.Name}' is not a constant");
            }

            arguments.Add(new VariantArgument(parameter.Name, value));
        }

        return new VariantSpec(name, arguments.ToEquatableArray(), null);
    }

    /// <summary>A constant argument, or one of the factory's own parameters with its default (<c>numClasses = 1000</c>).</summary>
    private static string? Constant(IOperation value)
    {
        if (value.ConstantValue.HasValue)
        {
            return ConstructorParser.ConstantText(value.ConstantValue.Value);
        }

        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        return value is IParameterReferenceOperation { Parameter: { HasExplicitDefaultValue: true } parameter }
            ? ConstructorParser.ConstantText(parameter.ExplicitDefaultValue)
            : null;
    }
}
