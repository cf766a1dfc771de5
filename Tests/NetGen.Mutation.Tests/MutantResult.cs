using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen.Mutation;

/// <summary>
/// How a mutant is judged. The oracle fails when a root's constructor or forward throws, or a member's
/// <c>[Contract]</c> is false of its module (<see cref="ContractOracle"/>). A mutant NetGen does not flag is
/// <see cref="Unchecked"/> rather than passed or missed when NetGen does not claim to check it: the model it
/// changes is checked only up to NetGen's boundary (the analyzer lists it in NG0110), or the edit is inside an
/// opaque region (what NetGen takes on trust: a contract's output, a factory's body, an opaque module's
/// arguments). A flagged mutant is always judged against the oracle.
/// </summary>
public enum Outcome
{
    /// <summary>Flagged, and the oracle fails.</summary>
    Caught,

    /// <summary>Not flagged, the oracle fails, and NetGen claims to check it.</summary>
    Missed,

    /// <summary>Not flagged, the oracle passes, and NetGen claims to check it (a true negative).</summary>
    Passed,

    /// <summary>Flagged, and the oracle passes.</summary>
    FalsePositive,

    /// <summary>Not flagged, and NetGen does not claim to check it (boundary model or opaque region), whatever the oracle says.</summary>
    Unchecked,

    /// <summary>The oracle could not run: the C# does not compile, or NetGen generated a stub that throws.</summary>
    NotRunnable,
}

/// <summary>What one mutant (or the original set) did at compile time and at run time.</summary>
/// <param name="Boundary">The models this mutant affects (those in its file and the roots that run it) that the
/// analyzer's NG0110 lists as checked only up to NetGen's boundary, each with NG0110's note.</param>
public sealed record MutantResult(
    Mutant? Mutant,
    IReadOnlyList<string> ErrorIds,
    IReadOnlyList<string> ErrorMessages,
    IReadOnlyList<string> CompileErrors,
    IReadOnlyList<RootRun> Runs,
    IReadOnlyList<string> Boundary)
{
    /// <summary>The analyzer reported at least one NG error or NG0113 (NG0100 notes and the NG0110 warning are not findings).</summary>
    public bool Flagged => ErrorIds.Count > 0;

    /// <summary>The C# compilation (generated code included) emitted, and NetGen generated every model the roots build.</summary>
    public bool Runnable => CompileErrors.Count == 0 && !Runs.Any(r => r.NotGenerated);

    /// <summary>Constructing a root, or its forward, threw.</summary>
    public bool Crashed => Runs.Any(r => r.Error is not null);

    /// <summary>A contracted member did not do what its <c>[Contract]</c> says.</summary>
    public bool ContractFalse => Runs.Any(r => r.ContractViolations.Count > 0);

    /// <summary>The oracle fails: a crash, or a false contract.</summary>
    public bool Failed => Crashed || ContractFalse;

    /// <summary>NetGen does not claim to check this mutant: a boundary model, or an edit inside an opaque region.</summary>
    public bool OutsideChecking => Boundary.Count > 0 || Mutant?.InsideOpaqueRegion == true;

    public Outcome Outcome =>
        !Runnable ? Outcome.NotRunnable
        : Flagged ? (Failed ? Outcome.Caught : Outcome.FalsePositive)
        : OutsideChecking ? Outcome.Unchecked
        : Failed ? Outcome.Missed : Outcome.Passed;

    public string Label => Mutant?.Id ?? "original";
}

/// <summary>One root built and run forward: the output shape, or what it threw; and what its contracted members did against their contracts.</summary>
public sealed record RootRun(string Root, string? OutputShape, string? Error, IReadOnlyList<string> ContractViolations, double Seconds)
{
    /// <summary>The model could not be built because NetGen wrote its throwing stub (the declaration has NG errors).</summary>
    public bool NotGenerated => Error?.StartsWith(StubFailure, StringComparison.Ordinal) == true;

    /// <summary>How the generator's stub constructor fails (Generator/NetGen.Generator/Emitting/StubEmitter.cs).</summary>
    private const string StubFailure = "InvalidOperationException: NetGen did not generate";
}
