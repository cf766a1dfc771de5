using System;
using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// How one storage of a PyTorch checkpoint reaches the tensors one read or load takes from it. Contiguous
    /// views of a stored record go straight from the file into their destination. Every other view is copied out
    /// of one staged region, the elements from the first to the last that those views address, so a storage is
    /// read (or inflated) once however many views it has, and a stride-0 view of a huge shape costs the one
    /// element it repeats.
    /// <para>
    /// Bounds: a stored record's region is at most the record, i.e. bytes the file really holds. A deflated
    /// record must be inflated whole, and that is allowed only when its inflated size is at most the larger of
    /// its compressed size and the largest tensor one view fills (the destination for a load, the addressed
    /// elements for a read): a zip bomb is refused instead of inflated, and a load never inflates more than its
    /// largest target entry.
    /// </para>
    /// </summary>
    internal sealed class StoragePlan(StorageRef storage, ZipRecord record)
    {
        private long _justifiedBytes;

        public StorageRef Storage { get; } = storage;

        public ZipRecord Record { get; } = record;

        public int ElementSize { get; } = ElementTypes.SizeOf(storage.DType);

        /// <summary>Views read straight from the file into their destination.</summary>
        public List<PlannedView> Direct { get; } = new();

        /// <summary>Views copied out of the staged region.</summary>
        public List<PlannedView> Staged { get; } = new();

        /// <summary>The first storage element of the staged region.</summary>
        public long RegionStart { get; private set; } = long.MaxValue;

        /// <summary>One past the last storage element of the staged region.</summary>
        public long RegionEnd { get; private set; }

        public long RegionBytes => Staged.Count == 0 ? 0 : (RegionEnd - RegionStart) * ElementSize;

        /// <summary>The keys of the entries this storage feeds, for messages.</summary>
        public string Keys => string.Join(", ", Direct.Concat(Staged).Select(v => $"'{v.Key}'").Take(5))
            + (Direct.Count + Staged.Count > 5 ? $" and {Direct.Count + Staged.Count - 5} more" : "");

        public string FirstKey => (Direct.Count > 0 ? Direct[0] : Staged[0]).Key;

        /// <summary>
        /// Groups the non-empty views by storage, in order of first use. <paramref name="canReadDirectly"/> says
        /// whether a destination can take the file's bytes as they are (CPU, contiguous, same dtype).
        /// </summary>
        public static List<StoragePlan> For(
            IEnumerable<PlannedView> views, Func<StorageRef, ZipRecord> recordOf, Func<PlannedView, bool> canReadDirectly)
        {
            var plans = new Dictionary<string, StoragePlan>(StringComparer.Ordinal);
            var ordered = new List<StoragePlan>();
            foreach (var view in views)
            {
                if (view.Tensor.Elements == 0)
                {
                    continue;
                }

                if (!plans.TryGetValue(view.Tensor.Storage.Key, out var plan))
                {
                    plan = new StoragePlan(view.Tensor.Storage, recordOf(view.Tensor.Storage));
                    plans.Add(view.Tensor.Storage.Key, plan);
                    ordered.Add(plan);
                }

                plan.Add(view, canReadDirectly(view));
            }

            return ordered;
        }

        /// <summary>Null when the record may be read as planned, otherwise why it may not.</summary>
        public string? RefusalReason()
        {
            if (Record.Method == ZipMethod.Stored || Record.Size <= Math.Max(Record.CompressedSize, _justifiedBytes))
            {
                return null;
            }

            return $"storage '{Storage.Key}' is deflated from {Record.CompressedSize} to {Record.Size} bytes, but the largest tensor it fills "
                + $"({Keys}) needs only {_justifiedBytes}; NetGen inflates no more than that, to bound compression bombs. "
                + "A checkpoint that torch.save wrote (uncompressed) has no such limit";
        }

        private void Add(PlannedView view, bool direct)
        {
            var tensor = view.Tensor;
            long filled = view.Destination is { } destination
                ? destination.NumberOfElements * destination.ElementSize
                : (tensor.End - tensor.Offset) * ElementSize;
            _justifiedBytes = Math.Max(_justifiedBytes, filled);
            if (direct && Record.Method == ZipMethod.Stored && tensor.IsContiguous())
            {
                Direct.Add(view);
                return;
            }

            Staged.Add(view);
            RegionStart = Math.Min(RegionStart, tensor.Offset);
            RegionEnd = Math.Max(RegionEnd, tensor.End);
        }
    }

    /// <summary>
    /// A view to read: into <see cref="Destination"/> for a load; for a read, into a new tensor that goes to
    /// position <see cref="Slot"/> of the result (a load does not use it).
    /// </summary>
    internal sealed record PlannedView(string Key, TensorRef Tensor, Tensor? Destination, int Slot);
}
