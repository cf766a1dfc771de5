using System.Collections.Generic;
using NetGen.Generator.Model;

namespace NetGen.Generator.Shapes;

/// <summary>
/// The outcome of one shape step: either the output shape, or the failure PyTorch would raise.
/// A success may carry notes on what could not be checked because something was unknown; those
/// notes are never errors.
/// </summary>
internal sealed record ShapeResult
{
    private ShapeResult(TensorShape? shape, ShapeFailure? failure, EquatableArray<string> uncheckedNotes)
    {
        Shape = shape;
        Failure = failure;
        Unchecked = uncheckedNotes;
    }

    /// <summary>The output shape; null when <see cref="Failure"/> is set.</summary>
    public TensorShape? Shape { get; }

    public ShapeFailure? Failure { get; }

    /// <summary>Checks that were skipped because a size was unknown or symbolic.</summary>
    public EquatableArray<string> Unchecked { get; }

    public bool IsSuccess => Failure is null;

    public bool IsFullyChecked => IsSuccess && Unchecked.IsEmpty;

    public static ShapeResult Success(TensorShape shape) => new(shape, null, EquatableArray<string>.Empty);

    public static ShapeResult Success(TensorShape shape, IEnumerable<string> uncheckedNotes) =>
        new(shape, null, uncheckedNotes.ToEquatableArray());

    public static ShapeResult Fail(ShapeFailure failure) => new(null, failure, EquatableArray<string>.Empty);

    public static ShapeResult Fail(ShapeFailureKind kind, string layer, string message, string expected, string actual) =>
        Fail(new ShapeFailure(kind, layer, message, expected, actual));

    public override string ToString() => IsSuccess ? Shape!.ToString() : "error: " + Failure!.Message;
}
