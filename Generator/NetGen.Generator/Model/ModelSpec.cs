using System.Linq;

namespace NetGen.Generator.Model;

/// <summary>A type declaration the generated partial must repeat: keyword and name with type parameters.</summary>
internal sealed record TypeDeclInfo(string Keyword, string NameWithTypeParameters);

/// <summary>A constructor parameter (a hyperparameter) of the model.</summary>
internal sealed record ParameterSpec(string Name, string TypeName, string? DefaultValue);

/// <summary>The <c>[Residual]</c> wiring: <c>activation(main(x) + shortcut(x))</c>, only when <see cref="When"/> (a bool parameter) is true if given.</summary>
internal sealed record ResidualSpec(string? ShortcutMember, string Activation, string? When = null)
{
    public const string EnabledField = "__residualEnabled";
}

/// <summary>Everything the emitters need to know about one model, as plain comparable values.</summary>
internal sealed record ModelSpec(
    string? Namespace,
    string Name,
    string HintName,
    EquatableArray<TypeDeclInfo> ContainingTypes,
    TypeDeclInfo Declaration,
    EquatableArray<ParameterSpec> Parameters,
    bool HasPartialConstructor,
    string ConstructorAccessibility,
    bool DeclaresForward,
    EquatableArray<MemberSpec> Members,
    EquatableArray<InitRuleSpec> InitRules,
    ResidualSpec? Residual,
    EquatableArray<ArgValue> Input,
    LocationInfo? Location = null)
{
    /// <summary>The type as the generated code names it.</summary>
    public string FullyQualifiedName => "global::" + (Namespace is null ? "" : Namespace + ".")
        + string.Concat(ContainingTypes.Select(t => t.NameWithTypeParameters + ".")) + Declaration.NameWithTypeParameters;
}

/// <summary>What parsing one model yields: the model (null when it cannot be generated) and its diagnostics.</summary>
internal sealed record ModelParseResult(ModelSpec? Model, EquatableArray<DiagnosticInfo> Diagnostics);
