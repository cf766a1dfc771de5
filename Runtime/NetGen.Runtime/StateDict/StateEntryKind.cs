namespace NetGen
{
    /// <summary>Whether a state-dict entry is a trainable parameter or a persistent buffer.</summary>
    public enum StateEntryKind
    {
        /// <summary>A <c>Parameter</c>, e.g. <c>conv1.weight</c>.</summary>
        Parameter,

        /// <summary>A persistent buffer, e.g. <c>bn1.running_mean</c> or <c>bn1.num_batches_tracked</c>.</summary>
        Buffer,
    }
}
