using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Reads what a <c>[Factory]</c> method, or a field's initializer, builds when it is one call of a TorchSharp module
/// NetGen models in a hand-written forward (<c>nn.LSTM</c>, <c>nn.GRU</c>, <c>nn.RNN</c>, <c>nn.MultiheadAttention</c>):
/// <c>static LSTM CreateRnn(int embed, int hidden) =&gt; nn.LSTM(embed, hidden, batchFirst: true);</c>. Anything else
/// leaves the module opaque, as before.
/// </summary>
internal static class TorchModules
{
    private const string NnType = "TorchSharp.torch+nn";

    /// <summary>How an argument passed as <c>null</c> is kept, apart from one NetGen could not read (<see cref="ArgKind.Absent"/>).</summary>
    public const string NullArgument = "null";

    public static readonly string[] Kinds = { "LSTM", "GRU", "RNN", "MultiheadAttention" };

    public static TorchModuleSpec? Read(FactorySpec factory, INamedTypeSymbol model, Compilation compilation)
    {
        var name = factory.Method.Substring(factory.Method.LastIndexOf('.') + 1).TrimStart('@');
        var method = model.GetMembers(name).OfType<IMethodSymbol>().FirstOrDefault(m => m.MethodKind == MethodKind.Ordinary);
        var syntax = method is null ? null : TypeShapes.UserSyntax(method).OfType<MethodDeclarationSyntax>().FirstOrDefault();
        var body = (SyntaxNode?)syntax?.ExpressionBody?.Expression
            ?? (syntax?.Body?.Statements is [ReturnStatementSyntax { Expression: { } returned }] ? returned : null);
        if (body is null)
        {
            return null;
        }

        return Built(compilation.GetSemanticModel(body.SyntaxTree).GetOperation(body), a => Value(a, method, factory));
    }

    /// <summary>
    /// What a field's initializer builds when it is one such call, as TorchSharp's examples write a recurrent layer:
    /// <c>private readonly GRU gru = nn.GRU(64, 32, batchFirst: true);</c>. A field initializer can read only constants.
    /// </summary>
    public static TorchModuleSpec? ReadInitializer(ExpressionSyntax initializer, Compilation compilation) =>
        Built(compilation.GetSemanticModel(initializer.SyntaxTree).GetOperation(initializer), a => Value(a, null, null));

    private static TorchModuleSpec? Built(IOperation? operation, System.Func<IArgumentOperation, ArgValue> value)
    {
        while (operation is IConversionOperation conversion)
        {
            operation = conversion.Operand;
        }

        if (operation is not IInvocationOperation call || TypeShapes.MetadataName(call.TargetMethod.ContainingType) != NnType || !Kinds.Contains(call.TargetMethod.Name))
        {
            return null;
        }

        var args = call.Arguments.Where(a => a.Parameter is not null)
            .Select(a => new LayerArg(a.Parameter!.Name, value(a), null))
            .ToEquatableArray();
        return new TorchModuleSpec(call.TargetMethod.Name, args);
    }

    /// <summary>A constant, or a factory parameter (which NetGen passes the hyperparameter of the same name); else unknown.</summary>
    private static ArgValue Value(IArgumentOperation argument, IMethodSymbol? factoryMethod, FactorySpec? factory)
    {
        var value = argument.Value;
        while (value is IConversionOperation conversion)
        {
            value = conversion.Operand;
        }

        if (value.ConstantValue is { HasValue: true, Value: var constant })
        {
            return constant switch
            {
                bool flag => ArgValue.FromBool(flag),
                double d => ArgValue.FromDouble(d),
                int or long => ArgValue.FromInt(System.Convert.ToInt64(constant, System.Globalization.CultureInfo.InvariantCulture)),
                // An optional size left null (kdim, vdim): the module's own default applies.
                null => ArgValue.FromText(NullArgument),
                _ => ArgValue.Absent,
            };
        }

        if (value is IParameterReferenceOperation parameter && factory is not null && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, factoryMethod)
            && factory.Arguments.FirstOrDefault(a => a.Parameter == parameter.Parameter.Name) is { } passed)
        {
            return ArgValue.FromParameter(passed.Hyperparameter);
        }

        return ArgValue.Absent;
    }
}
