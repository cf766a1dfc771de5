namespace NetGen.Generator.Model;

internal enum MemberKind
{
    /// <summary>A single TorchSharp layer, optionally wrapped in functional ops.</summary>
    Layer,
    /// <summary>A <c>Sequential</c> whose children are the member's layer attributes, indexed from 0.</summary>
    Sequential,
    /// <summary>Another model, built with the arguments of <c>[Block]</c>.</summary>
    Block,
    /// <summary>A <c>Sequential</c> of repeated blocks (<c>[Repeat&lt;T&gt;]</c>, PyTorch's make_layer).</summary>
    Repeat,
}

/// <summary>The <c>make_layer</c> pattern: <see cref="Count"/> blocks, the first built with <see cref="First"/>.</summary>
internal sealed record RepeatSpec(string BlockType, ArgValue Count, EquatableArray<ArgValue> First, EquatableArray<ArgValue> Rest);

/// <summary>One declared member of a model, in declaration order.</summary>
/// <param name="Name">The member name, which is also its state-dict key prefix.</param>
/// <param name="TypeName">The member's fully qualified type, without nullability.</param>
/// <param name="Layers">For <see cref="MemberKind.Layer"/>: every layer attribute, the module at <paramref name="ModuleIndex"/> and functional ops around it. For <see cref="MemberKind.Sequential"/>: the children. Otherwise the functional ops applied after the block.</param>
/// <param name="IsIndexedChild">A child declared on the class itself (an indexed Sequential model): it has a name like <c>0</c> and no property.</param>
/// <param name="BranchDim">The concat dimension when the member is a <c>[Branch]</c>, else null.</param>
internal sealed record MemberSpec(
    string Name,
    MemberKind Kind,
    string TypeName,
    bool IsNullableAnnotated,
    string Accessibility,
    EquatableArray<LayerSpec> Layers,
    int ModuleIndex,
    EquatableArray<ArgValue> BlockArgs,
    RepeatSpec? Repeat,
    string? WhenParameter,
    int? BranchDim,
    InitRuleSpec? InitOverride,
    LocationInfo? Location,
    bool IsIndexedChild = false)
{
    public bool IsOptional => WhenParameter is not null;

    public string BackingField => IsIndexedChild ? "__child" + Name : "__" + Name;

    /// <summary>The member's type as the user declared it, nullability included.</summary>
    public string DeclaredType => IsNullableAnnotated ? TypeName + "?" : TypeName;
}
