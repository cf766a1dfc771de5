namespace NetGen.Generator;

/// <summary>
/// Lets a test prove that an exception inside the generator becomes NG0099 and not CS8785 (which would
/// silently drop the user's code). Only a model with this exact name is affected, so tests running in
/// parallel are not; no real model can be named so by accident.
/// </summary>
internal static class FaultInjection
{
    public const string ModelName = "NetGenFaultInjection_ThrowWhileParsing";
}
