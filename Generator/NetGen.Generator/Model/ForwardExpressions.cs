namespace NetGen.Generator.Model;

/// <summary>
/// One expression of a hand-written forward, as plain values: what the forward analysis needs of it (which
/// member or TorchSharp operation, with which arguments) and where it is written. What NetGen does not model
/// is an <see cref="UnknownExpr"/>, which the analysis reads as "any value": it never causes an error.
/// </summary>
internal abstract record ForwardExpr(LocationInfo? Location);

/// <summary>The forward's own parameter number <paramref name="Index"/> (its input tensor is 0).</summary>
internal sealed record InputRef(int Index, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>A local variable; names are made unique per forward (<c>y</c>, <c>y#2</c> for a second local called y).</summary>
internal sealed record LocalRef(string Name, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>A member of the model (<c>conv1</c>, <c>this.layer1</c>), a module or a <c>[Parameter]</c>.</summary>
internal sealed record MemberRef(string Name, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>A hyperparameter, read through NetGen's generated property of its name.</summary>
internal sealed record HyperparameterRef(string Name, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>The module's <c>training</c> flag: <c>train()</c> and <c>eval()</c> set it at run time, so either value may hold.</summary>
internal sealed record TrainingFlag(LocationInfo? Location) : ForwardExpr(Location);

/// <summary>A compile-time constant: an int, a double, a bool, a string, or <c>null</c> (<see cref="ArgKind.Absent"/>).</summary>
internal sealed record ConstantExpr(ArgValue Value, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>Where a called method is declared, which decides what its name means.</summary>
internal enum CallFamily
{
    /// <summary>An instance method of <c>torch.Tensor</c>: <c>x.view(…)</c>.</summary>
    Tensor,

    /// <summary>A static method of <c>torch</c>: <c>torch.cat(…)</c>, <c>cat(…)</c> with <c>using static</c>.</summary>
    Torch,

    /// <summary>A method of <c>torch.nn.functional</c>: <c>F.relu(x)</c>.</summary>
    Functional,

    /// <summary>A method of <c>torch.linalg</c>: <c>linalg.vector_norm(x, dims: …)</c>; its names are its own (<c>linalg.norm</c> is not <c>torch.norm</c>).</summary>
    Linalg,

    /// <summary>A method of a .NET collection (<c>List&lt;T&gt;.Add</c>) or of a module (<c>children()</c>).</summary>
    Collection,
}

/// <summary>One argument of a call, by the name of the parameter it is passed to (defaults included).</summary>
internal sealed record ForwardArg(string Name, ForwardExpr Value);

/// <summary>A call of a TorchSharp operation or a collection method; the receiver is null for a static method.</summary>
internal sealed record CallExpr(CallFamily Family, string Name, ForwardExpr? Receiver, EquatableArray<ForwardArg> Args, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>A call of one of the model's own methods, followed into its body (<see cref="HelperSpec"/>); the arguments in the parameters' order.</summary>
internal sealed record HelperCallExpr(string Helper, EquatableArray<ForwardExpr> Args, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>A module called: <c>conv1.call(x)</c>, <c>layer.forward(x)</c>; the module is any expression that names one.</summary>
internal sealed record ModuleCallExpr(ForwardExpr Module, EquatableArray<ForwardExpr> Args, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>A binary operator (<c>+ - * / % == != &lt; &lt;= &gt; &gt;= &amp;&amp; ||</c>) on tensors, sizes or flags.</summary>
internal sealed record BinaryExpr(string Operator, ForwardExpr Left, ForwardExpr Right, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>A unary operator: <c>-</c> or <c>!</c>.</summary>
internal sealed record UnaryExpr(string Operator, ForwardExpr Operand, LocationInfo? Location) : ForwardExpr(Location);

/// <summary><c>c ? a : b</c>, and what <c>?.</c> and <c>??</c> amount to.</summary>
internal sealed record ConditionalExpr(ForwardExpr Condition, ForwardExpr WhenTrue, ForwardExpr WhenFalse, LocationInfo? Location) : ForwardExpr(Location);

/// <summary><c>m is null</c>, <c>m == null</c> (or, <paramref name="Negated"/>, <c>is not null</c>, <c>!= null</c>).</summary>
internal sealed record IsNullExpr(ForwardExpr Operand, bool Negated, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>An array, a list or a collection expression with its elements: <c>new[] { a, b }</c>, <c>new List&lt;Tensor&gt; { x }</c>, <c>[a, b]</c>.</summary>
internal sealed record CollectionExpr(EquatableArray<ForwardExpr> Elements, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>A tuple literal: <c>(a, b)</c>.</summary>
internal sealed record TupleExpr(EquatableArray<ForwardExpr> Elements, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>An element of an array, a list or a shape: <c>halves[0]</c>, <c>x.shape[1]</c>, <c>x.shape[^1]</c> (<paramref name="FromEnd"/>).</summary>
internal sealed record ElementExpr(ForwardExpr Collection, ForwardExpr Index, LocationInfo? Location, bool FromEnd = false) : ForwardExpr(Location);

/// <summary>A tuple's item: <c>t.Item1</c> is <paramref name="Index"/> 0.</summary>
internal sealed record TupleItemExpr(ForwardExpr Tuple, int Index, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>A property NetGen models: <c>x.shape</c>, <c>x.ndim</c>, <c>list.Count</c>, <c>array.Length</c>.</summary>
internal sealed record PropertyExpr(ForwardExpr Receiver, string Name, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>What one index of <c>x[…]</c> is.</summary>
internal enum TensorIndexKind
{
    /// <summary>An integer: the dimension goes.</summary>
    Single,

    /// <summary>A range <c>a..b</c> or <c>TensorIndex.Slice(a, b, step)</c>: the dimension shrinks.</summary>
    Slice,

    /// <summary><c>..</c> as a whole, or <c>TensorIndex.Ellipsis</c>: every dimension not indexed otherwise.</summary>
    Ellipsis,

    /// <summary><c>TensorIndex.None</c>: a new dimension of size 1.</summary>
    NewAxis,

    /// <summary>A tensor or anything else: the result is not modelled.</summary>
    Other,
}

/// <summary>One index of <c>x[…]</c>: its kind and its bounds (null where omitted); a range's end may count from the end (<c>^1</c>).</summary>
internal sealed record TensorIndexSpec(TensorIndexKind Kind, ForwardExpr? Start, ForwardExpr? Stop, ForwardExpr? Step, bool StartFromEnd = false, bool StopFromEnd = false);

/// <summary>Indexing a tensor: <c>x[.., 0]</c>, <c>x[TensorIndex.Ellipsis, TensorIndex.Slice(0, 4)]</c>.</summary>
internal sealed record TensorIndexExpr(ForwardExpr Tensor, EquatableArray<TensorIndexSpec> Indices, LocationInfo? Location) : ForwardExpr(Location);

/// <summary>
/// Something NetGen does not model: its value is unknown. <paramref name="Operands"/> are still analysed (a
/// mistake inside them is still found), and the locals in <paramref name="Havoc"/> (collections it receives, a
/// tensor it may resize in place) are unknown afterwards. <paramref name="Kind"/> says what C# type it has where that
/// is a number or a bool: a number of unknown value scales a tensor without changing its shape.
/// </summary>
internal sealed record UnknownExpr(string Why, EquatableArray<ForwardExpr> Operands, EquatableArray<string> Havoc, LocationInfo? Location, UnknownKind Kind = UnknownKind.Any) : ForwardExpr(Location);

/// <summary>What an unmodelled expression's C# type says of its value.</summary>
internal enum UnknownKind
{
    /// <summary>Anything: a tensor, a list, a module, …</summary>
    Any,

    /// <summary>An integer (<c>int</c>, <c>long</c>, …): a size, perhaps.</summary>
    Integer,

    /// <summary>A floating-point number (<c>double</c>, <c>float</c>).</summary>
    Real,

    /// <summary>A <c>bool</c>.</summary>
    Flag,
}
