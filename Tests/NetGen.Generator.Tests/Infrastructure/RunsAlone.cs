namespace NetGen.Generator.Tests.Infrastructure;

/// <summary>
/// Tests that watch what NetGen keeps process-wide (<see cref="RecentResults{TKey, TValue}"/>) run when no other test
/// does: thousands of analyses made by tests running beside them could push out, between two of their runs, what they
/// expect to find kept.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAlone
{
    public const string Name = "Runs alone";
}
