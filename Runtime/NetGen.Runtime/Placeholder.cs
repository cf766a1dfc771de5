namespace NetGen
{
    internal static class RuntimeAssembly
    {
    }
}
