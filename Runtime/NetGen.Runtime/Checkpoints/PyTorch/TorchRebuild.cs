using System;
using System.Collections.Generic;

namespace NetGen
{
    /// <summary>
    /// The only callables a NetGen-read pickle may name, and what calling each means: building a
    /// <see cref="TensorRef"/> (validated against its storage) or an empty <see cref="PickleDict"/>.
    /// </summary>
    internal static class TorchRebuild
    {
        private const int MaxRank = 64;

        public static bool IsAllowed(string module, string name) => (module, name) switch
        {
            ("collections", "OrderedDict") => true,
            ("torch._utils", "_rebuild_tensor_v2" or "_rebuild_tensor" or "_rebuild_parameter") => true,
            ("torch", _) => ElementTypes.TryFromStorageName(name, out _),
            _ => false,
        };

        public static object Call(PickleGlobal callable, object?[] args, Func<string, Exception> fail) =>
            (callable.Module, callable.Name) switch
            {
                ("collections", "OrderedDict") when args.Length == 0 => new PickleDict(),
                ("torch._utils", "_rebuild_tensor_v2") when args.Length is 6 or 7 => Tensor(args, fail),
                ("torch._utils", "_rebuild_tensor") when args.Length == 4 => Tensor(args, fail),
                ("torch._utils", "_rebuild_parameter") when args.Length == 3 && args[0] is TensorRef tensor => tensor,
                _ => throw fail($"a call of {callable} with {args.Length} arguments, which torch.save does not write"),
            };

        private static TensorRef Tensor(object?[] args, Func<string, Exception> fail)
        {
            if (args[0] is not StorageRef storage || args[1] is not long offset
                || args[2] is not PickleTuple size || args[3] is not PickleTuple stride)
            {
                throw fail("a tensor whose storage, offset, size or stride has the wrong type");
            }

            long[] shape = ToLongs(size, fail);
            long[] strides = ToLongs(stride, fail);
            if (shape.Length != strides.Length || offset < 0)
            {
                throw fail($"a tensor with {shape.Length} sizes, {strides.Length} strides and offset {offset}");
            }

            if (!ByteCounts.TryCountElements(shape, out long elements))
            {
                throw fail($"a tensor of size {TensorShapes.Format(shape)}, whose dimensions multiply past int64");
            }

            if (!FitsInStorage(offset, shape, strides, storage.Elements))
            {
                throw fail(
                    $"a tensor of size {TensorShapes.Format(shape)}, stride {TensorShapes.Format(strides)} at offset {offset} "
                    + $"reaches past the {storage.Elements} elements of storage '{storage.Key}'");
            }

            return new TensorRef(storage, offset, shape, strides, elements);
        }

        private static long[] ToLongs(PickleTuple tuple, Func<string, Exception> fail)
        {
            if (tuple.Items.Length > MaxRank)
            {
                throw fail($"a tensor with more than {MaxRank} dimensions");
            }

            var values = new long[tuple.Items.Length];
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = tuple.Items[i] is long value && value >= 0
                    ? value
                    : throw fail("a tensor size or stride that is not a non-negative integer");
            }

            return values;
        }

        /// <summary>True when every element the view addresses lies inside the storage (overflow counts as outside).</summary>
        private static bool FitsInStorage(long offset, IReadOnlyList<long> shape, IReadOnlyList<long> strides, long storageElements)
        {
            for (int d = 0; d < shape.Count; d++)
            {
                if (shape[d] == 0)
                {
                    return offset <= storageElements;
                }
            }

            long last = offset;
            for (int d = 0; d < shape.Count; d++)
            {
                long steps = shape[d] - 1;
                if (steps == 0 || strides[d] == 0)
                {
                    continue;
                }

                if (steps > (long.MaxValue - last) / strides[d])
                {
                    return false;
                }

                last += steps * strides[d];
            }

            return last < storageElements;
        }
    }
}
