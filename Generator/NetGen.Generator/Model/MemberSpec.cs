namespace NetGen.Generator.Model;

internal enum MemberKind
{
    /// <summary>A single TorchSharp layer, optionally wrapped in functional ops.</summary>
    Layer,
    /// <summary>A <c>Sequential</c> whose children are the member's layer attributes, indexed from 0.</summary>
    Sequential,
    /// <summary>A module built with <c>new T(...)</c> from the arguments of <c>[Block]</c>: a NetGen model or any other module.</summary>
    Block,
    /// <summary>A <c>Sequential</c> of repeated blocks (<c>[Repeat&lt;T&gt;]</c>, PyTorch's make_layer).</summary>
    Repeat,
    /// <summary>Any module, created by a method of the model (<c>[Factory]</c>).</summary>
    Factory,
    /// <summary>A learnable tensor of the model itself (<c>[Parameter]</c>).</summary>
    Parameter,
    /// <summary>A module or parameter in a field (or auto-property) the user initialises; NetGen only registers it.</summary>
    Field,
}

/// <summary>The <c>make_layer</c> pattern: <see cref="Count"/> blocks, the first built with <see cref="First"/>.</summary>
internal sealed record RepeatSpec(string BlockType, ArgValue Count, EquatableArray<ArgValue> First, EquatableArray<ArgValue> Rest)
{
    /// <summary>
    /// For <c>Each</c> with <c>Index</c>: the name the arguments use for the block's position. Every block is then built
    /// from <see cref="First"/> (which equals <see cref="Rest"/>) with its own index.
    /// </summary>
    public string? Index { get; init; }

    /// <summary>What each block's name starts with, before its position: <c>encoder_layer_</c> makes <c>encoder_layer_0</c>, ….</summary>
    public string Prefix { get; init; } = "";

    /// <summary>The name of block <paramref name="position"/> in the Sequential, which is also its state-dict key.</summary>
    public string BlockName(int position) => Prefix + position.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>For one of several alternatives of a member (<see cref="MemberSpec.Choices"/>): the condition under which it is built.</summary>
    public string? When { get; init; }

    /// <summary>Where the alternative's <c>When</c> is written, for its diagnostics.</summary>
    public LocationInfo? WhenLocation { get; init; }
}

/// <summary>What a generated forward does with a learnable tensor of the model, where it is declared (<c>[Parameter(Use = …)]</c>).</summary>
internal enum ParameterUseKind
{
    /// <summary><c>x + p</c>: a position embedding.</summary>
    Add = 1,

    /// <summary><c>cat([p.expand(batch, -1, …), x], dim)</c>: a class token.</summary>
    Prepend = 2,

    /// <summary><c>p * x</c>: a layer scale.</summary>
    Multiply = 3,
}

/// <summary>A <see cref="ParameterUseKind"/> and, for <see cref="ParameterUseKind.Prepend"/>, the dimension (counting the batch).</summary>
internal sealed record ParameterUseSpec(ParameterUseKind Kind, int Dim);

/// <summary>
/// <c>[Residual]</c> on a member: <c>activation(span(x) + x)</c>, where the span runs from the member through
/// <see cref="Through"/>, only when <see cref="When"/> holds if given.
/// </summary>
internal sealed record ResidualSpanSpec(string Through, string Activation, string? When)
{
    /// <summary>
    /// The position of the span's last member in <paramref name="members"/>, looking from <paramref name="start"/>; -1 when
    /// none is there. Fields the user initialises are not on the forward, so a span cannot end at one.
    /// </summary>
    public int EndIn(System.Collections.Generic.IReadOnlyList<MemberSpec> members, int start)
    {
        for (var i = start; i < members.Count; i++)
        {
            if (members[i].Name == Through && members[i].Kind != MemberKind.Field)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>A factory method and what each of its parameters is passed, by name.</summary>
internal sealed record FactorySpec(string Method, EquatableArray<FactoryArgument> Arguments);

/// <summary>
/// A TorchSharp module that a <c>[Factory]</c> builds with one call NetGen reads, e.g.
/// <c>nn.LSTM(embed, hidden, batchFirst: true)</c>: its kind (<c>LSTM</c>, <c>GRU</c>, <c>RNN</c>,
/// <c>MultiheadAttention</c>) and its arguments by TorchSharp's parameter names, defaults included. An argument
/// NetGen cannot read is <see cref="ArgKind.Absent"/>.
/// </summary>
internal sealed record TorchModuleSpec(string Kind, EquatableArray<LayerArg> Args)
{
    public ArgValue Get(string name)
    {
        foreach (var arg in Args)
        {
            if (arg.Name == name)
            {
                return arg.Value;
            }
        }

        return ArgValue.Absent;
    }
}

/// <summary>One argument of a factory call: the method's parameter and the hyperparameter passed to it.</summary>
internal sealed record FactoryArgument(string Parameter, string Hyperparameter);

/// <summary>
/// A declared shape contract: sample dimensions in and out. Entries are ints, hyperparameters, or free
/// names (<see cref="ArgKind.Text"/>) that stand for whatever size arrives.
/// </summary>
internal sealed record ContractSpec(EquatableArray<ArgValue> Input, EquatableArray<ArgValue> Output, LocationInfo? Location);

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
    /// <summary>For <see cref="MemberKind.Factory"/>: the method that creates it.</summary>
    public FactorySpec? Factory { get; init; }

    /// <summary>For a <see cref="MemberKind.Factory"/> member: the TorchSharp module its factory builds, when NetGen can read it.</summary>
    public TorchModuleSpec? TorchModule { get; init; }

    /// <summary>For <see cref="MemberKind.Parameter"/>: its shape.</summary>
    public EquatableArray<ArgValue> ParameterShape { get; init; }

    /// <summary>For <see cref="MemberKind.Parameter"/>: what a generated forward does with it; null when only a hand-written one uses it.</summary>
    public ParameterUseSpec? Use { get; init; }

    /// <summary>A shortcut from this member's input around the members through <see cref="ResidualSpanSpec.Through"/>.</summary>
    public ResidualSpanSpec? Residual { get; init; }

    /// <summary>For a <c>[Branch(Through = …)]</c> member: the branch's last member (see <see cref="BranchGroups"/>).</summary>
    public string? BranchThrough { get; init; }

    /// <summary>For <see cref="MemberKind.Parameter"/>: whether it is trained.</summary>
    public bool RequiresGrad { get; init; } = true;

    /// <summary>For a <see cref="MemberKind.Field"/> holding a <c>Parameter</c> rather than a module.</summary>
    public bool IsParameterField { get; init; }

    /// <summary>
    /// For a <see cref="MemberKind.Field"/> of a catalogue layer's sealed class: that layer. With
    /// <see cref="KnownLayerHasArguments"/>, it is what the field's initializer builds, arguments and all
    /// (<c>nn.Linear(120, 84)</c>). Without, the initializer was not read, and the layer is a stateless one (TorchSharp's
    /// activations and dropouts) that the walk follows only where its shape rule needs no argument
    /// (<c>ShapeWalker.KnownField</c>); otherwise the field stays opaque.
    /// </summary>
    public LayerSpec? KnownLayer { get; init; }

    /// <summary>Whether <see cref="KnownLayer"/> carries the arguments of the field's initializer (<see cref="Parsing.InitializerLayers"/>).</summary>
    public bool KnownLayerHasArguments { get; init; }

    /// <summary>
    /// For a <see cref="MemberKind.Field"/> holding the <c>nn.Sequential(…)</c> its initializer builds: its children in
    /// order, each with its name where the initializer gave one (<see cref="Parsing.InitializerLayers"/>). Empty otherwise.
    /// </summary>
    public EquatableArray<LayerSpec> KnownChildren { get; init; } = EquatableArray<LayerSpec>.Empty;

    /// <summary>
    /// Whether <see cref="KnownChildren"/> are a <c>ModuleList</c>'s (<c>nn.ModuleList&lt;…&gt;(…)</c>): modules the forward
    /// calls one by one, as it chooses, rather than a Sequential's chain. Their keys are their positions.
    /// </summary>
    public bool KnownChildrenAreModuleList { get; init; }

    /// <summary>For a <see cref="MemberKind.Sequential"/> built from a stage table (<c>[ForEach]</c>): the table and the loop's names.</summary>
    public StageTableSpec? ForEach { get; init; }

    /// <summary>
    /// A Sequential whose children are not a fixed list: a stage table, or children with a <c>When</c>. Its indices
    /// are counted as it is built, and its state is read from the module at run time.
    /// </summary>
    public bool IsBuiltChildByChild => Kind == MemberKind.Sequential && (ForEach is not null || System.Linq.Enumerable.Any(Layers, l => l.When is not null));

    /// <summary>
    /// Whether the member's structure is made at run time by loops (a stage table, conditional children, per-index
    /// block arguments, a dense stage), which descriptor format 1 cannot carry.
    /// </summary>
    public bool IsBuiltByLoops => IsBuiltChildByChild || Repeat?.Index is not null || !Choices.IsEmpty || Repeat?.Prefix is { Length: > 0 } || System.Linq.Enumerable.Any(Layers, l => l.Dense is not null);

    /// <summary>The repeated stages this member may build: its <see cref="Repeat"/>, or every one of its <see cref="Choices"/>.</summary>
    public System.Collections.Generic.IEnumerable<RepeatSpec> Repeats => Repeat is { } repeat ? new[] { repeat } : Choices;

    /// <summary>
    /// For a <see cref="MemberKind.Repeat"/> member with several <c>[Repeat&lt;T&gt;(When = …)]</c>: the alternatives, in
    /// declaration order, of which the one whose condition holds is built; <see cref="Repeat"/> is then null.
    /// </summary>
    public EquatableArray<RepeatSpec> Choices { get; init; } = EquatableArray<RepeatSpec>.Empty;

    /// <summary>Whether NetGen proved that exactly one of <see cref="Choices"/> holds for every value of the parameters they read.</summary>
    public bool ChoicesCovered { get; init; }

    /// <summary>The declared shape contract, for a member NetGen cannot see into.</summary>
    public ContractSpec? Contract { get; init; }

    /// <summary><c>new</c>, <c>virtual</c>, <c>override</c> or <c>sealed</c> as the property declares them, for its implementation to repeat.</summary>
    public string InheritanceModifiers { get; init; } = "";

    /// <summary>Whether the member is a <c>Module&lt;Tensor, Tensor&gt;</c>, so a generated forward can call it.</summary>
    public bool TakesOneTensor { get; init; } = true;

    public bool IsOptional => WhenParameter is not null;

    /// <summary><c>[Auxiliary]</c>: created, registered and saved, but not run by a generated forward.</summary>
    public bool IsAuxiliary { get; init; }

    /// <summary>Whether a generated forward runs the member: every module but an auxiliary one, and a parameter with a <see cref="Use"/>.</summary>
    public bool IsOnGeneratedPath => Kind != MemberKind.Field && !IsAuxiliary && (Kind != MemberKind.Parameter || Use is not null);

    /// <summary>The field that holds the member: generated for declared members, the user's own for fields.</summary>
    public string BackingField => Kind == MemberKind.Field ? Identifiers.Escape(Name) : "__f_" + Name;

    /// <summary>The member's type as the user declared it, nullability included.</summary>
    public string DeclaredType => IsNullableAnnotated ? TypeName + "?" : TypeName;

    /// <summary>Whether it is a child module (registered with register_module) rather than an own parameter.</summary>
    public bool IsModule => Kind != MemberKind.Parameter && !(Kind == MemberKind.Field && IsParameterField);
}
