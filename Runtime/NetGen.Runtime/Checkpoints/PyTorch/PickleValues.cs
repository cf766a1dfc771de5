using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>A <c>module.name</c> reference found by a GLOBAL opcode; only allow-listed names get this far.</summary>
    internal sealed record PickleGlobal(string Module, string Name)
    {
        public override string ToString() => $"{Module}.{Name}";
    }

    /// <summary>A Python tuple.</summary>
    internal sealed class PickleTuple(object?[] items)
    {
        public object?[] Items { get; } = items;
    }

    /// <summary>A Python dict or OrderedDict, keeping insertion order.</summary>
    internal sealed class PickleDict
    {
        public List<KeyValuePair<object?, object?>> Items { get; } = new();
    }

    /// <summary>A storage named by a persistent id: one <c>data/KEY</c> record of the zip.</summary>
    internal sealed record StorageRef(string Key, ScalarType DType, long Elements);

    /// <summary>A tensor view on a storage, as <c>torch._utils._rebuild_tensor_v2</c> describes it.</summary>
    internal sealed record TensorRef(StorageRef Storage, long Offset, long[] Shape, long[] Strides)
    {
        public bool IsContiguous()
        {
            long expected = 1;
            for (int d = Shape.Length - 1; d >= 0; d--)
            {
                if (Shape[d] != 1 && Strides[d] != expected)
                {
                    return false;
                }

                expected *= Shape[d];
            }

            return true;
        }
    }

    /// <summary>Raised inside the pickle reader; the PyTorch reader turns it into <see cref="CheckpointFormatException"/>.</summary>
    internal sealed class PickleFormatException(string message) : System.Exception(message);
}
