using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>What parsing the members of one model shares: the model, its hyperparameters and the diagnostics so far.</summary>
internal sealed class MemberContext
{
    private readonly Dictionary<string, ITypeSymbol> _hyperparameterTypes;

    public MemberContext(INamedTypeSymbol model, Compilation compilation, IMethodSymbol? constructor, EquatableArray<ParameterSpec> parameters, ArgumentInterpreter interpreter, List<DiagnosticInfo> diagnostics)
    {
        Model = model;
        Compilation = compilation;
        Parameters = parameters;
        Interpreter = interpreter;
        Diagnostics = diagnostics;
        // Not ToDictionary: two parameters of one name are the compiler's error (CS0100), not an exception here.
        _hyperparameterTypes = new Dictionary<string, ITypeSymbol>();
        foreach (var parameter in constructor?.Parameters ?? System.Collections.Immutable.ImmutableArray<IParameterSymbol>.Empty)
        {
            _hyperparameterTypes[parameter.Name] = parameter.Type;
        }
    }

    public INamedTypeSymbol Model { get; }

    /// <summary>Used only to ask about types while parsing; never stored in a model.</summary>
    public Compilation Compilation { get; }

    public EquatableArray<ParameterSpec> Parameters { get; }

    public ArgumentInterpreter Interpreter { get; }

    public List<DiagnosticInfo> Diagnostics { get; }

    /// <summary>Where the block types the model uses are collected, when someone asks.</summary>
    public ICollection<INamedTypeSymbol>? Dependencies { get; init; }

    public void UsesBlock(ITypeSymbol type)
    {
        if (type is INamedTypeSymbol named)
        {
            Dependencies?.Add(named);
        }
    }

    /// <summary>Members that carry NetGen attributes, whether or not they parsed: a model whose members all failed is not empty.</summary>
    public int AttributedMembers { get; set; }

    /// <summary>A declaration the C# compiler already rejects (an undefined name in an attribute, a missing type).</summary>
    public bool HasCompilerErrors { get; set; }

    /// <summary>The type of the hyperparameter called <paramref name="name"/>, or null.</summary>
    public ITypeSymbol? HyperparameterType(string name) => _hyperparameterTypes.TryGetValue(name, out var type) ? type : null;

    public string KnownHyperparameters => Parameters.IsEmpty ? "(none: declare them with a partial constructor)" : string.Join(", ", Parameters.Select(p => p.Name));

    public void Report(DiagnosticDescriptor descriptor, LocationInfo? location, params string[] arguments) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, location, arguments));
}
