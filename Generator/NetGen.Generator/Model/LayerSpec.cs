namespace NetGen.Generator.Model;

/// <summary>A named argument of a layer attribute, e.g. <c>Stride = 2</c> or the constructor's <c>KernelSize</c>.</summary>
internal sealed record LayerArg(string Name, ArgValue Value, LocationInfo? Location);

/// <summary>One layer attribute, parsed: its kind, its arguments by PyTorch-style name, and where it was written.</summary>
/// <param name="BlockType">For <see cref="LayerKind.Block"/>: the block's fully qualified type.</param>
/// <param name="BlockArgs">For <see cref="LayerKind.Block"/>: its constructor arguments, in order.</param>
internal sealed record LayerSpec(LayerKind Kind, EquatableArray<LayerArg> Args, LocationInfo? Location, string? BlockType = null, EquatableArray<ArgValue> BlockArgs = default)
{
    /// <summary>For a child of a Sequential member: the bool condition under which it exists; null when it always does.</summary>
    public string? When { get; init; }

    /// <summary>For a <c>[DenseBlock&lt;T&gt;]</c> child (kind <see cref="LayerKind.Block"/>, of the layers' type): the dense stage.</summary>
    public DenseStageSpec? Dense { get; init; }

    /// <summary>For <see cref="LayerKind.Sequential"/>: its children in order, each named where the call names it.</summary>
    public EquatableArray<LayerSpec> Children { get; init; } = EquatableArray<LayerSpec>.Empty;

    /// <summary>For a child of a Sequential member: its name instead of its position; null for the position.</summary>
    public string? Name { get; init; }

    /// <summary>The child's key in its Sequential: its name, or its position there.</summary>
    public string KeyAt(int position) => Name ?? position.ToString(System.Globalization.CultureInfo.InvariantCulture);

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

    public LocationInfo? LocationOf(string name)
    {
        foreach (var arg in Args)
        {
            if (arg.Name == name)
            {
                return arg.Location ?? Location;
            }
        }

        return Location;
    }
}
