using System;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>Helpers that generated state schemas call.</summary>
    public static class GeneratedState
    {
        /// <summary>
        /// The shape of a registered entry, for the rare dimension NetGen cannot express at compile time
        /// (for example a product of two hyperparameters).
        /// </summary>
        public static long[] LiveShape(nn.Module module, string key) =>
            module.state_dict().TryGetValue(key, out var tensor)
                ? tensor.shape
                : throw new InvalidOperationException($"'{module.GetName()}' has no state entry '{key}', but its generated schema lists it.");
    }
}
