using System;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Mutation;

/// <summary>A <c>[Contract]</c> as written on a member: entries are int literals, hyperparameter names or free names.</summary>
public sealed record DeclaredContract(string ModelType, string Member, IReadOnlyList<string> Input, IReadOnlyList<string> Output);

/// <summary>
/// The oracle's second question, for the members NetGen takes on trust: does the module behind a
/// <c>[Contract]</c> do what the contract says? A forward that runs does not answer it (a generated forward never
/// checks a contract, a hand-written one may not call the member the way the contract describes), so each
/// contracted member of a built model is called on its own with a zero sample of the contract's input
/// (batch 1, free names 3, hyperparameters as the instance holds them) and its output is compared with the
/// contract's output. A contract the module contradicts is a real defect: NetGen infers and checks what follows
/// the member from it.
/// </summary>
public static class ContractOracle
{
    /// <summary>The size a free name (e.g. "seq") is given; it binds there and later uses of the name must agree.</summary>
    private const long FreeSize = 3;

    /// <summary>Every <c>[Contract]</c> on a property of a class in these trees.</summary>
    public static IReadOnlyList<DeclaredContract> Read(IEnumerable<SyntaxTree> trees) =>
        trees.SelectMany(t => t.GetRoot().DescendantNodes().OfType<PropertyDeclarationSyntax>())
            .SelectMany(p => p.AttributeLists.SelectMany(l => l.Attributes)
                .Where(a => a.Name.ToString() is "Contract" or "ContractAttribute" or "NetGen.Contract")
                .Select(a => new DeclaredContract(FullName((ClassDeclarationSyntax)p.Parent!), p.Identifier.Text, Entries(a, "Input"), Entries(a, "Output"))))
            .ToList();

    /// <summary>What the contracted members of <paramref name="model"/> (and of every NetGen model inside it) do against their contracts.</summary>
    public static IReadOnlyList<string> Violations(nn.Module model, IReadOnlyList<DeclaredContract> contracts)
    {
        var violations = new List<string>();
        if (contracts.Count == 0)
        {
            return violations;
        }

        foreach (var owner in new[] { model }.Concat(model.modules()).Distinct(ReferenceEqualityComparer.Instance).Cast<nn.Module>())
        {
            foreach (var contract in contracts.Where(c => c.ModelType == owner.GetType().FullName))
            {
                if (Check(owner, contract) is { } violation)
                {
                    violations.Add(violation);
                }
            }
        }

        return violations;
    }

    private static string? Check(nn.Module owner, DeclaredContract contract)
    {
        const BindingFlags Instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        var where = $"{owner.GetType().Name}.{contract.Member}";
        if (owner.GetType().GetProperty(contract.Member, Instance)?.GetValue(owner) is not nn.Module member)
        {
            return $"{where}: no module to check";
        }

        var bound = new Dictionary<string, long>(StringComparer.Ordinal);
        var input = new List<long> { 1 };
        foreach (var entry in contract.Input)
        {
            var size = Size(owner, entry, bound) ?? (bound[entry] = FreeSize);
            input.Add(size);
        }

        using var scope = torch.NewDisposeScope();
        long[] output;
        try
        {
            output = Call(member, torch.zeros(input.ToArray())).shape;
        }
        catch (Exception e)
        {
            var inner = e is TargetInvocationException { InnerException: { } ie } ? ie : e;
            return $"{where}: [Contract] says it takes [{string.Join(", ", input.Skip(1))}], but given that it threw {inner.GetType().Name}: {inner.Message.Split('\n')[0]}";
        }

        var expected = contract.Output.Select(entry => Size(owner, entry, bound)).ToList();
        var agrees = output.Length - 1 == expected.Count && expected.Select((size, i) => size is null || size == output[i + 1]).All(ok => ok);
        return agrees ? null
            : $"{where}: [Contract] says [{string.Join(", ", input.Skip(1))}] → [{string.Join(", ", expected.Select((s, i) => s?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? contract.Output[i]))}], but it returned [{string.Join(", ", output.Skip(1))}]";
    }

    /// <summary>An int literal, a hyperparameter of the owner (its generated <c>__p_</c> field), or a free name already bound; null when unknown.</summary>
    private static long? Size(nn.Module owner, string entry, IReadOnlyDictionary<string, long> bound)
    {
        if (long.TryParse(entry, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var literal))
        {
            return literal;
        }

        var field = owner.GetType().GetField("__p_" + entry, BindingFlags.Instance | BindingFlags.NonPublic);
        if (field?.GetValue(owner) is { } value)
        {
            return Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        }

        return bound.TryGetValue(entry, out var size) ? size : null;
    }

    /// <summary>Calls a module's <c>call</c> on one tensor (further arguments take their defaults); the output is the tensor, or a tuple's first.</summary>
    private static Tensor Call(nn.Module module, Tensor input)
    {
        var call = module.GetType().GetMethods(BindingFlags.Instance | BindingFlags.Public)
            .Where(m => m.Name == "call" && m.GetParameters() is { Length: > 0 } p && p[0].ParameterType == typeof(Tensor))
            .OrderBy(m => m.GetParameters().Length)
            .First();
        var arguments = call.GetParameters().Select((p, i) => i == 0 ? input : p.HasDefaultValue ? p.DefaultValue : null).ToArray();
        return call.Invoke(module, arguments) switch
        {
            Tensor tensor => tensor,
            ITuple { Length: > 0 } tuple when tuple[0] is Tensor first => first,
            var other => throw new InvalidOperationException($"{module.GetType().Name}.call returned {other?.GetType().Name ?? "null"}"),
        };
    }

    private static IReadOnlyList<string> Entries(AttributeSyntax attribute, string name)
    {
        var argument = attribute.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.Text == name);
        return argument?.Expression is CollectionExpressionSyntax collection
            ? collection.Elements.OfType<ExpressionElementSyntax>().Select(e => Entry(e.Expression)).ToList()
            : [];
    }

    private static string Entry(ExpressionSyntax expression) => expression switch
    {
        LiteralExpressionSyntax literal => literal.Token.ValueText,
        InvocationExpressionSyntax { Expression: IdentifierNameSyntax { Identifier.Text: "nameof" } } nameOf => nameOf.ArgumentList.Arguments[0].Expression.ToString().Split('.').Last(),
        _ => expression.ToString(),
    };

    private static string FullName(ClassDeclarationSyntax cls)
    {
        var names = cls.AncestorsAndSelf().Select(n => n switch
        {
            ClassDeclarationSyntax c => c.Identifier.Text,
            BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
            _ => null,
        }).Where(n => n is not null).Reverse();
        return string.Join(".", names);
    }
}
