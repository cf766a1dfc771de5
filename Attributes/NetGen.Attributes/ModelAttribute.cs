using System;

namespace NetGen
{
    /// <summary>
    /// Marks a <c>partial</c> class deriving from TorchSharp's <c>Module&lt;Tensor, Tensor&gt;</c> as a NetGen
    /// model. The generator writes its constructor (creating and registering every declared layer under
    /// PyTorch's names), <c>forward</c>, <c>init_weights</c> and a typed state-dict map.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
    public sealed class ModelAttribute : Attribute
    {
        /// <summary>
        /// The shape of one input sample without the batch dimension, e.g. <c>[3, 224, 224]</c>.
        /// Entries are ints or the names of constructor parameters. Shape checking and size inference
        /// start from it; without it, sizes that need it are reported as unchecked.
        /// </summary>
        public object[]? Input { get; set; }
    }
}
