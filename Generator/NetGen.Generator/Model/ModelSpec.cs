using System.Linq;

namespace NetGen.Generator.Model;

/// <summary>A type declaration the generated partial must repeat: keyword and name with type parameters.</summary>
internal sealed record TypeDeclInfo(string Keyword, string NameWithTypeParameters);

/// <summary>A constructor parameter (a hyperparameter) of the model.</summary>
/// <param name="TypeName">The type as <c>global::</c>-qualified C#, e.g. <c>int</c> or <c>int[]</c>.</param>
/// <param name="IsParams">Declared <c>params</c>, which the implementing declaration must repeat.</param>
internal sealed record ParameterSpec(string Name, string TypeName, string? DefaultValue, bool IsParams = false)
{
    /// <summary>For an enum-typed parameter: its members as <c>Name=value</c>, so expressions can compare with them (<c>act == Act.GELU</c>).</summary>
    public EquatableArray<string> EnumMembers { get; init; } = EquatableArray<string>.Empty;
}

/// <summary>A partial property the user declared, which every generated partial must implement.</summary>
/// <param name="Accessors">The declared accessor keywords, e.g. <c>get</c> or <c>get set</c>.</param>
internal sealed record PartialPropertyInfo(string Name, string DeclaredType, string Accessibility, bool IsStatic, string Accessors)
{
    /// <summary><c>new</c>, <c>virtual</c>, <c>override</c> or <c>sealed</c> as declared, each with a trailing space: the implementation must repeat them (CS8800).</summary>
    public string InheritanceModifiers { get; init; } = "";
}

/// <summary>
/// The outside of a model class: what any generated partial must repeat and implement. It is known even
/// when the declaration has errors, so that NetGen can still write a stub that compiles.
/// </summary>
/// <param name="BaseArguments">What the constructor passes to the base class: the module's name, as TorchSharp expects.</param>
/// <param name="TakenNames">Names the user already gives a member or type parameter of the class, which generated members avoid.</param>
internal sealed record ModelShell(
    string? Namespace,
    string Name,
    string MetadataName,
    string HintName,
    EquatableArray<TypeDeclInfo> ContainingTypes,
    TypeDeclInfo Declaration,
    EquatableArray<ParameterSpec> Parameters,
    bool HasPartialConstructor,
    string ConstructorAccessibility,
    bool DeclaresForward,
    EquatableArray<PartialPropertyInfo> PartialProperties,
    string BaseArguments,
    EquatableArray<string> TakenNames)
{
    /// <summary>
    /// Whether an assembly-level attribute can name the type: public, internal or protected internal all the
    /// way out, and not file-local. Only such a model gets a descriptor for other assemblies (a private or
    /// protected nested type in <c>typeof</c> there is CS0122; no other assembly could use it as a block anyway).
    /// </summary>
    public bool IsVisibleAtAssemblyLevel { get; init; }

    /// <summary>
    /// Names that generated members would hide: members of a base class called like a generated member
    /// (a model deriving from a model, which NetGen refuses, still gets a stub that compiles) or like a hyperparameter.
    /// </summary>
    public EquatableArray<string> InheritedNames { get; init; } = EquatableArray<string>.Empty;

    /// <summary>A constructor of the user's that is not the partial one NetGen implements: a primary constructor or one with a body (NG0007).</summary>
    public bool DeclaresOtherConstructor { get; init; }

    /// <summary>The type as the generated code names it.</summary>
    public string FullyQualifiedName => "global::" + (Namespace is null ? "" : Namespace + ".")
        + string.Concat(ContainingTypes.Select(t => t.NameWithTypeParameters + ".")) + Declaration.NameWithTypeParameters;
}

/// <summary>The <c>[Residual]</c> wiring: <c>activation(main(x) + shortcut(x))</c>, only when <see cref="When"/> (a bool parameter) is true if given.</summary>
internal sealed record ResidualSpec(string? ShortcutMember, string Activation, string? When = null);

/// <summary>Everything the emitters need to know about one model, as plain comparable values.</summary>
/// <param name="Members">Every child and own parameter, in declaration order (PyTorch's registration order).</param>
internal sealed record ModelSpec(
    ModelShell Shell,
    EquatableArray<MemberSpec> Members,
    EquatableArray<InitRuleSpec> InitRules,
    ResidualSpec? Residual,
    EquatableArray<ArgValue> Input,
    LocationInfo? Location = null)
{
    /// <summary>The hand-written forward as NetGen reads it; null when the forward is generated or could not be read.</summary>
    public ForwardSpec? Forward { get; init; }

    /// <summary>The <c>[Gate]</c> wiring: the members compute a gate that multiplies the input.</summary>
    public GateSpec? Gate { get; init; }

    /// <summary>The <c>[Chunk]</c> wiring: the branches take one chunk of the input each.</summary>
    public ChunkSpec? Chunk { get; init; }

    /// <summary>The model's static factories, each summarised at its own hyperparameters.</summary>
    public EquatableArray<VariantSpec> Variants { get; init; } = EquatableArray<VariantSpec>.Empty;

    public string? Namespace => Shell.Namespace;

    public string Name => Shell.Name;

    public string HintName => Shell.HintName;

    public EquatableArray<ParameterSpec> Parameters => Shell.Parameters;

    public bool DeclaresForward => Shell.DeclaresForward;

    public string FullyQualifiedName => Shell.FullyQualifiedName;

    /// <summary>The member called <paramref name="name"/>, or null.</summary>
    public MemberSpec? Member(string? name) => name is null ? null : Members.FirstOrDefault(m => m.Name == name);
}

/// <summary>
/// What parsing one model yields: the model (null when its declaration has errors), the shell (null only
/// when not even a stub can be written) and the diagnostics.
/// </summary>
internal sealed record ModelParseResult(ModelSpec? Model, ModelShell? Shell, EquatableArray<DiagnosticInfo> Diagnostics);
