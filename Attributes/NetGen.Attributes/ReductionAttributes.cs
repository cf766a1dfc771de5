namespace NetGen
{
    /// <summary>
    /// <c>x.mean(dims, keepdim)</c>, the dims counting the batch: <c>[Mean(2, 3)]</c> is ShuffleNetV2's global
    /// pool <c>x.mean([2, 3])</c>. PyTorch has no module for it, so a member is typed <c>NetGen.Mean</c>; as an
    /// attribute before or after a member's module it is the functional call.
    /// </summary>
    public sealed class MeanAttribute : LayerAttribute
    {
        public MeanAttribute(params int[] dims) => Dims = dims;

        public int[] Dims { get; }

        /// <summary>Keeps each reduced dimension with size 1.</summary>
        public bool Keepdim { get; set; }
    }

    /// <summary>
    /// <c>nn.ChannelShuffle(groups)</c>: the channels, seen as <c>groups</c> × C/groups, are transposed (ShuffleNet).
    /// The channels must be divisible by <c>groups</c>.
    /// </summary>
    public sealed class ChannelShuffleAttribute : LayerAttribute
    {
        public ChannelShuffleAttribute(object groups) => Groups = groups;

        public object Groups { get; }
    }
}
