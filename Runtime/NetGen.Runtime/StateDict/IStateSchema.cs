using System.Collections.Generic;

namespace NetGen
{
    /// <summary>
    /// Implemented by generated models: the full list of state-dict entries (parameters and persistent
    /// buffers, nested blocks included), in PyTorch's <c>state_dict()</c> order, with shapes computed from
    /// the instance's hyperparameters. Loading and saving use it instead of asking TorchSharp.
    /// </summary>
    public interface IStateSchema
    {
        /// <summary>The model's state-dict entries in PyTorch's order.</summary>
        IReadOnlyList<StateEntry> StateSchema { get; }
    }
}
