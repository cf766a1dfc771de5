using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Matches a source against a model's entries, decides everything before copying (so a refused load
    /// changes nothing), then hands every accepted entry to the source in one batch, which checks all the data
    /// it will read before writing any (so a corrupt record changes nothing either) and copies each in place
    /// under <c>no_grad</c>: parameters keep their identity, device and dtype. Shapes must be equal; nothing is
    /// broadcast.
    /// </summary>
    internal static class StateDictLoader
    {
        public static LoadReport Load(nn.Module module, IStateSource source, LoadOptions options)
        {
            var targets = ModuleState.Describe(module);
            var loaded = new List<string>();
            var missing = new List<StateEntry>();
            var unexpected = new List<CheckpointEntry>();
            var mismatched = new List<ShapeMismatch>();
            var converted = new List<DTypeConversion>();
            var skipped = new List<string>();
            var toCopy = new List<(string Key, Tensor Target)>();
            var modelKeys = new HashSet<string>(StringComparer.Ordinal);

            foreach (var (entry, tensor) in targets)
            {
                modelKeys.Add(entry.Key);
                if (!options.Filter.Includes(entry.Key))
                {
                    skipped.Add(entry.Key);
                    continue;
                }

                var stored = source.Find(entry.Key);
                if (stored is null)
                {
                    missing.Add(entry);
                }
                else if (!TensorShapes.Equal(stored.Shape, entry.Shape))
                {
                    mismatched.Add(new ShapeMismatch(entry.Key, entry.Shape, stored.Shape));
                }
                else
                {
                    toCopy.Add((entry.Key, tensor));
                    loaded.Add(entry.Key);
                    if (stored.DType != entry.DType)
                    {
                        converted.Add(new DTypeConversion(entry.Key, stored.DType, entry.DType));
                    }
                }
            }

            foreach (var stored in source.Entries)
            {
                if (modelKeys.Contains(stored.Key))
                {
                    continue;
                }

                if (options.Filter.Includes(stored.Key))
                {
                    unexpected.Add(stored);
                }
                else
                {
                    skipped.Add(stored.Key);
                }
            }

            var report = new LoadReport(source.Source, loaded, missing, unexpected, mismatched, converted, skipped)
            {
                NestedUnder = source.NestedUnder,
                IgnoredItems = source.IgnoredItems,
            };
            bool refuse = (options.Strict && (missing.Count > 0 || unexpected.Count > 0 || mismatched.Count > 0))
                || (!options.SkipMismatchedShapes && mismatched.Count > 0);
            if (refuse)
            {
                throw new StateDictMismatchException(report);
            }

            source.CopyInto(toCopy);
            return report;
        }
    }
}
