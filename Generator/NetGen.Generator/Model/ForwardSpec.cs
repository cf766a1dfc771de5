namespace NetGen.Generator.Model;

/// <summary>
/// A model's hand-written <c>forward</c>, read into plain values so the analysis can follow its tensors: the
/// statements in order, each expression with its location. It holds no symbol or syntax, so it is cached with
/// the model it belongs to.
/// </summary>
/// <param name="Body">The statements; an expression-bodied forward is one <see cref="ReturnStatement"/>.</param>
/// <param name="Location">The forward's name, where notes about the forward as a whole go.</param>
internal sealed record ForwardSpec(EquatableArray<ForwardStatement> Body, LocationInfo? Location)
{
    /// <summary>The model's own methods the forward calls, directly or through one another, each read like the forward.</summary>
    public EquatableArray<HelperSpec> Helpers { get; init; } = EquatableArray<HelperSpec>.Empty;
}

/// <summary>A method of the model that the forward calls (<c>_forward_impl</c>, a channels-first norm): its body, with its parameters as inputs.</summary>
/// <param name="Key">The method's name and parameter types, which <see cref="HelperCallExpr"/> names it by.</param>
/// <param name="ChangedInPlace">The parameters the method may change the shape of in place (<c>t.unsqueeze_(0)</c>): the caller's tensors.</param>
internal sealed record HelperSpec(string Key, ForwardSpec Body, EquatableArray<int> ChangedInPlace);

/// <summary>One statement of a hand-written forward.</summary>
internal abstract record ForwardStatement(LocationInfo? Location);

/// <summary><c>var y = …;</c>, <c>y = …;</c>, <c>using var y = …;</c> (and <c>y += …</c>, read as <c>y = y + …</c>).</summary>
internal sealed record AssignStatement(string Local, ForwardExpr Value, LocationInfo? Location) : ForwardStatement(Location);

/// <summary><c>var (a, _, c) = …;</c>: an empty name is a discard or a target NetGen does not follow.</summary>
internal sealed record DeconstructStatement(EquatableArray<string> Locals, ForwardExpr Value, LocationInfo? Location) : ForwardStatement(Location);

/// <summary>An expression evaluated for what it does: <c>features.Add(t);</c>.</summary>
internal sealed record EvaluateStatement(ForwardExpr Value, LocationInfo? Location) : ForwardStatement(Location);

/// <summary><c>return …;</c></summary>
internal sealed record ReturnStatement(ForwardExpr? Value, LocationInfo? Location) : ForwardStatement(Location);

/// <summary><c>throw …;</c>: the path ends without a value.</summary>
internal sealed record ThrowStatement(LocationInfo? Location) : ForwardStatement(Location);

/// <summary><c>if (c) { … } else { … }</c>.</summary>
internal sealed record IfStatement(ForwardExpr Condition, EquatableArray<ForwardStatement> Then, EquatableArray<ForwardStatement> Else, LocationInfo? Location) : ForwardStatement(Location);

/// <summary><c>foreach (var m in …) { … }</c> with a plain loop variable.</summary>
internal sealed record ForEachStatement(string Local, ForwardExpr Collection, EquatableArray<ForwardStatement> Body, LocationInfo? Location) : ForwardStatement(Location);

/// <summary><c>for (var i = start; i &lt; end; i++) { … }</c> (or <c>i += step</c>, <c>i &lt;= end</c>).</summary>
internal sealed record ForStatement(string Local, ForwardExpr Start, ForwardExpr End, bool Inclusive, ForwardExpr Step, EquatableArray<ForwardStatement> Body, LocationInfo? Location) : ForwardStatement(Location);

/// <summary>
/// A loop NetGen cannot count (a <c>while</c>, a loop with <c>break</c>): its body is analysed once with every
/// local it writes unknown, and those locals are unknown after it.
/// </summary>
internal sealed record OpaqueLoopStatement(string Why, EquatableArray<string> Writes, EquatableArray<ForwardStatement> Body, LocationInfo? Location) : ForwardStatement(Location);

/// <summary>A statement NetGen does not model (<c>switch</c>, <c>try</c>, …): the locals it may write are unknown after it.</summary>
internal sealed record UnknownStatement(string Why, EquatableArray<string> Writes, LocationInfo? Location) : ForwardStatement(Location);
