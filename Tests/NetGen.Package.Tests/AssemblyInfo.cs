// Each test here drives whole `dotnet` builds; on a 2-core machine running them one at a time is faster
// than letting them fight over the cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
