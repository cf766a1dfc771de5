using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>A <c>module.name</c> reference found by a GLOBAL opcode; only allow-listed names get this far.</summary>
    internal sealed record PickleGlobal(string Module, string Name)
    {
        public override string ToString() => $"{Module}.{Name}";
    }

    /// <summary>A Python tuple. Tuples are immutable, so every empty tuple is <see cref="Empty"/>.</summary>
    internal sealed class PickleTuple(object?[] items)
    {
        public static readonly PickleTuple Empty = new([]);

        public object?[] Items { get; } = items;
    }

    /// <summary>
    /// A Python dict or OrderedDict, keeping insertion order. Its list is made on the first item, so the empty
    /// dicts a hostile pickle can push by the million cost one small object each.
    /// </summary>
    internal sealed class PickleDict
    {
        private List<KeyValuePair<object?, object?>>? _items;

        public IReadOnlyList<KeyValuePair<object?, object?>> Items => _items ?? (IReadOnlyList<KeyValuePair<object?, object?>>)[];

        public void Add(object? key, object? value) => (_items ??= new()).Add(new(key, value));
    }

    /// <summary>A Python list; like <see cref="PickleDict"/>, its storage is made on the first item.</summary>
    internal sealed class PickleList
    {
        private List<object?>? _items;

        public void AddRange(IEnumerable<object?> items) => (_items ??= new()).AddRange(items);

        public void Add(object? item) => (_items ??= new()).Add(item);
    }

    /// <summary>A storage named by a persistent id: one <c>data/KEY</c> record of the zip.</summary>
    internal sealed record StorageRef(string Key, ScalarType DType, long Elements);

    /// <summary>
    /// A tensor view on a storage, as <c>torch._utils._rebuild_tensor_v2</c> describes it. <see cref="TorchRebuild"/>
    /// builds one only when every element it addresses lies inside the storage and its element count fits in int64.
    /// </summary>
    internal sealed record TensorRef(StorageRef Storage, long Offset, long[] Shape, long[] Strides, long Elements)
    {
        /// <summary>True when the elements are one run of the storage, in order (the layout torch.save writes for parameters).</summary>
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

        /// <summary>One past the last storage element the view addresses (strides are never negative); <see cref="Offset"/> when it is empty.</summary>
        public long End
        {
            get
            {
                if (Elements == 0)
                {
                    return Offset;
                }

                long last = Offset;
                for (int d = 0; d < Shape.Length; d++)
                {
                    last += (Shape[d] - 1) * Strides[d];
                }

                return last + 1;
            }
        }
    }

    /// <summary>Raised inside the pickle reader; the PyTorch reader turns it into <see cref="CheckpointFormatException"/>.</summary>
    internal sealed class PickleFormatException(string message) : System.Exception(message);
}
