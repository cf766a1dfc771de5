namespace NetGen.Runtime.Tests.Initialization.Support
{
    /// <summary>
    /// Tests that seed TorchSharp's process-wide generator and then draw from it. xunit runs test classes in
    /// parallel, and any draw from another thread in between would change the stream, so this collection
    /// runs alone, after the parallel ones.
    /// </summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class GlobalGeneratorCollection
    {
        public const string Name = "TorchSharp global generator";
    }
}
