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
            var nested = root.Items
                .Where(item => item.Key is string key && NestedKeys.Contains(key) && item.Value is PickleDict)
                .ToList();
            if (nested.Count > 1)
            {
                throw fail(
                    $"the checkpoint holds several dicts a state dict could be nested under ({Quote(nested.Select(i => i.Key))}); "
                    + "save the one you mean on its own, e.g. torch.save(checkpoint['model_state_dict'], path)");
            }

            if (nested.Count == 1)
            {
                string key = (string)nested[0].Key!;
                var items = ((PickleDict)nested[0].Value!).Items;
                var ignored = root.Items.Where(item => !Equals(item.Key, key)).Select(item => Describe(item.Key)).ToList();
                ignored.AddRange(items.Where(item => item.Value is not TensorRef).Select(item => $"{key}.{Describe(item.Key)}"));
                return (items, key, ignored);
            }

            if (root.Items.Count > 0 && !root.Items.Any(item => item.Value is TensorRef))
            {
                throw fail(
                    $"the checkpoint is a dict without tensors, holding {Quote(root.Items.Select(i => i.Key))}, and none of the keys "
                    + $"a state dict is nested under ({Quote(NestedKeys)}) holds a dict; save the model's state dict itself, "
                    + "e.g. torch.save(model.state_dict(), path)");
            }

            return (root.Items, null, root.Items.Where(item => item.Value is not TensorRef).Select(item => Describe(item.Key)).ToList());
        }

        private static string Quote(IEnumerable<object?> keys)
        {
            var list = keys.ToList();
            string named = string.Join(", ", list.Take(MaxKeysNamed).Select(key => $"'{Describe(key)}'"));
            return list.Count > MaxKeysNamed ? $"{named} and {list.Count - MaxKeysNamed} more" : named;
        }

        private static string Describe(object? key) => key switch
        {
            string text => text,
            null => "None",
            _ => Convert.ToString(key, System.Globalization.CultureInfo.InvariantCulture) ?? "?",
        };
    }
}
