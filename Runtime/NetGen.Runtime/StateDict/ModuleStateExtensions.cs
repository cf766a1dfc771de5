using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Loading and saving a model's state with a report instead of silence: missing, unexpected and
    /// shape-mismatched keys by name, never a broadcast, and atomic saves in any <see cref="CheckpointFormat"/>.
    /// </summary>
    public static class ModuleStateExtensions
    {
        /// <summary>The model's entries in PyTorch's <c>state_dict()</c> order (from <see cref="IStateSchema"/> when implemented).</summary>
        public static IReadOnlyList<StateEntry> DescribeState(this nn.Module module) =>
            ModuleState.Describe(module).Select(item => item.Entry).ToList();

        /// <summary>The model's live tensors keyed as PyTorch keys them, in PyTorch's order.</summary>
        public static IReadOnlyList<KeyValuePair<string, Tensor>> OrderedStateDict(this nn.Module module) =>
            ModuleState.Describe(module).Select(item => new KeyValuePair<string, Tensor>(item.Entry.Key, item.Tensor)).ToList();

        /// <summary>
        /// Loads a checkpoint file into the model in place. The format comes from the extension unless given.
        /// </summary>
        /// <exception cref="CheckpointFormatException">The file is corrupt, hostile or in another format.</exception>
        /// <exception cref="StateDictMismatchException">The options refuse the differences; nothing was copied.</exception>
        public static LoadReport LoadCheckpoint(this nn.Module module, string path, LoadOptions? options = null, CheckpointFormat? format = null)
        {
            using var reader = Checkpoint.Open(path, format);
            return module.LoadState(reader, options);
        }

        /// <summary>Loads from an open checkpoint.</summary>
        public static LoadReport LoadState(this nn.Module module, CheckpointReader reader, LoadOptions? options = null) =>
            StateDictLoader.Load(module, new CheckpointStateSource(reader), options ?? LoadOptions.Exact);

        /// <summary>Loads from tensors in memory, e.g. TorchSharp's <c>state_dict()</c> of another model.</summary>
        public static LoadReport LoadState(this nn.Module module, IEnumerable<KeyValuePair<string, Tensor>> stateDict, LoadOptions? options = null) =>
            StateDictLoader.Load(module, new TensorStateSource("state dict", stateDict), options ?? LoadOptions.Exact);

        /// <summary>
        /// The seed's transfer step: copies every entry of <paramref name="source"/> whose key and shape exist
        /// in this model (restricted by <paramref name="filter"/>); everything else is reported, not thrown.
        /// </summary>
        public static LoadReport TransferFrom(this nn.Module target, nn.Module source, StateKeyFilter? filter = null) =>
            StateDictLoader.Load(target, TensorStateSource.FromModule(source), LoadOptions.Transfer with { Filter = filter ?? StateKeyFilter.All });

        /// <summary>The transfer step from a checkpoint file.</summary>
        public static LoadReport TransferFrom(this nn.Module target, string path, StateKeyFilter? filter = null, CheckpointFormat? format = null) =>
            target.LoadCheckpoint(path, LoadOptions.Transfer with { Filter = filter ?? StateKeyFilter.All }, format);

        /// <summary>Saves the model's state atomically; the format comes from the extension unless given.</summary>
        public static void SaveCheckpoint(this nn.Module module, string path, CheckpointFormat? format = null) =>
            Checkpoint.Write(path, module.OrderedStateDict(), format);
    }
}
