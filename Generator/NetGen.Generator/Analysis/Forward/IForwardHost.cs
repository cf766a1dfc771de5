using System.Collections.Generic;
using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// What the forward analysis asks of the walk it runs in: the model's members as values and what calling them
/// gives (through the same shape rules as a generated forward), hyperparameters, and where failures go.
/// </summary>
internal interface IForwardHost
{
    /// <summary>The symbol that stands for the batch size.</summary>
    string BatchSymbol { get; }

    /// <summary>A member named in the forward: a module, a learnable tensor, or null for an absent optional member.</summary>
    ForwardValue Member(string name, LocationInfo? location);

    /// <summary>A hyperparameter read in the forward.</summary>
    ForwardValue Hyperparameter(string name);

    /// <summary>The children of a Sequential or repeated stage, for <c>foreach</c> over <c>children()</c>.</summary>
    ForwardValue Children(ModuleValue module);

    /// <summary>A module called on <paramref name="args"/>; failures are reported unless <paramref name="speculative"/>.</summary>
    ForwardValue Call(ModuleValue module, IReadOnlyList<ForwardValue> args, LocationInfo? location, bool speculative);

    /// <summary>A failure of an operation in the forward, at <paramref name="location"/>, after the arithmetic in <paramref name="chain"/>.</summary>
    void Fail(ShapeFailure failure, LocationInfo? location, ShapeChain? chain);
}
