namespace NetGen
{
    /// <summary>
    /// <c>x.select(dim, index)</c>, PyTorch's <c>x[:, 0]</c> for <c>[Select(1, 0)]</c>: the dimension goes, keeping the
    /// slice at <c>index</c> (negative counts from the end). The dim counts the batch. A vision transformer reads its
    /// class token this way. PyTorch has no module for it, so a member is typed <c>NetGen.Select</c>; as an attribute
    /// before or after a member's module it is the functional call.
    /// </summary>
    public sealed class SelectAttribute : LayerAttribute
    {
        public SelectAttribute(int dim, int index)
        {
            Dim = dim;
            Index = index;
        }

        public int Dim { get; }

        public int Index { get; }
    }
}
