using System;
using System.Collections.Generic;
using System.Linq;

namespace NetGen
{
    /// <summary>
    /// Finds the state dict in what a data.pkl holds. Training scripts often save a checkpoint dict such as
    /// <c>{'model_state_dict': sd, 'optimizer_state_dict': ..., 'epoch': 3}</c> (PyTorch's own tutorial layout):
    /// when exactly one of <see cref="NestedKeys"/> holds a dict, that dict is the state dict and the reader says
    /// so (<see cref="CheckpointReader.NestedUnder"/>). Otherwise the top-level dict is the state dict, and a
    /// top-level dict with items but no tensors is refused with the keys it has, rather than read as empty.
    /// </summary>
    internal static class StateDictLayout
    {
        /// <summary>The keys a nested state dict is taken from, in the order of the error messages.</summary>
        public static readonly string[] NestedKeys = ["model_state_dict", "state_dict", "model"];

        private const int MaxKeysNamed = 20;

        /// <summary>The state dict's items, the key it was nested under (or null), and the other items the file holds.</summary>
        public static (IReadOnlyList<KeyValuePair<object?, object?>> Items, string? NestedUnder, List<string> Ignored) Find(
            PickleDict root, Func<string, Exception> fail)
        {
            // Plain loops: this runs on every load, and LINQ over these structs costs JIT time in a fresh process.
            KeyValuePair<object?, object?>? nested = null;
            var candidates = new List<object?>();
            bool hasTensor = false;
            foreach (var item in root.Items)
            {
                hasTensor |= item.Value is TensorRef;
                if (item.Key is string key && Array.IndexOf(NestedKeys, key) >= 0 && item.Value is PickleDict)
                {
                    nested = item;
                    candidates.Add(key);
                }
            }

            if (candidates.Count > 1)
            {
                throw fail(
                    $"the checkpoint holds several dicts a state dict could be nested under ({Quote(candidates)}); "
                    + "save the one you mean on its own, e.g. torch.save(checkpoint['model_state_dict'], path)");
            }

            var ignored = new List<string>();
            if (nested is { Key: string under, Value: PickleDict stateDict })
            {
                foreach (var item in root.Items)
                {
                    if (!Equals(item.Key, under))
                    {
                        ignored.Add(Describe(item.Key));
                    }
                }

                AddNonTensors(stateDict.Items, under + ".", ignored);
                return (stateDict.Items, under, ignored);
            }

            if (root.Items.Count > 0 && !hasTensor)
            {
                var keys = new List<object?>();
                foreach (var item in root.Items)
                {
                    keys.Add(item.Key);
                }

                throw fail(
                    $"the checkpoint is a dict without tensors, holding {Quote(keys)}, and none of the keys "
                    + $"a state dict is nested under ({Quote(NestedKeys)}) holds a dict; save the model's state dict itself, "
                    + "e.g. torch.save(model.state_dict(), path)");
            }

            AddNonTensors(root.Items, "", ignored);
            return (root.Items, null, ignored);
        }

        private static void AddNonTensors(IReadOnlyList<KeyValuePair<object?, object?>> items, string prefix, List<string> ignored)
        {
            foreach (var item in items)
            {
                if (item.Value is not TensorRef)
                {
                    ignored.Add(prefix + Describe(item.Key));
                }
            }
        }

        private static string Quote(IReadOnlyList<object?> keys)
        {
            string named = string.Join(", ", keys.Take(MaxKeysNamed).Select(key => $"'{Describe(key)}'"));
            return keys.Count > MaxKeysNamed ? $"{named} and {keys.Count - MaxKeysNamed} more" : named;
        }

        private static string Describe(object? key) => key switch
        {
            string text => text,
            null => "None",
            _ => Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
        };
    }
}
