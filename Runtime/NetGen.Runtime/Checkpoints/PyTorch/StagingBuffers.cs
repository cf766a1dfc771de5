using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// The memory a load stages storage regions in, allocated once per dtype rather than once per storage:
    /// <list type="bullet">
    /// <item>kept: the regions of deflated storages inflated while the load checks the file and kept for the copy,
    /// in order, up to a byte budget, as consecutive slices of one buffer;</item>
    /// <item>scratch: one buffer as large as the largest other region, reused region after region.</item>
    /// </list>
    /// Allocating a buffer per storage and freeing it after the copy left the C allocator's heap fragmented: a
    /// load of 218 deflated storages peaked at 186 MB above the model with glibc's default allocator, 47 MB with these buffers.
    /// </summary>
    internal sealed class StagingBuffers : IDisposable
    {
        private readonly Dictionary<StoragePlan, long> _keptAt = new();
        private readonly Dictionary<ScalarType, long> _keptElements = new();
        private readonly Dictionary<ScalarType, long> _scratchElements = new();
        private readonly Dictionary<ScalarType, Tensor> _kept = new();
        private readonly Dictionary<ScalarType, Tensor> _scratch = new();

        /// <summary>Decides which deflated regions are kept, in plan order while they fit <paramref name="keptBytes"/> in all.</summary>
        public StagingBuffers(IReadOnlyList<StoragePlan> plans, long keptBytes)
        {
            long budget = keptBytes;
            foreach (var plan in plans)
            {
                if (plan.Staged.Count == 0)
                {
                    continue;
                }

                var dtype = plan.Storage.DType;
                long elements = plan.RegionEnd - plan.RegionStart;
                if (plan.Record.Method == ZipMethod.Deflated && plan.RegionBytes <= budget)
                {
                    budget -= plan.RegionBytes;
                    _keptAt[plan] = _keptElements.GetValueOrDefault(dtype);
                    _keptElements[dtype] = _keptElements.GetValueOrDefault(dtype) + elements;
                }
                else
                {
                    _scratchElements[dtype] = Math.Max(_scratchElements.GetValueOrDefault(dtype), elements);
                }
            }
        }

        /// <summary>True when the plan's region stays staged from the check to the copy.</summary>
        public bool IsKept(StoragePlan plan) => _keptAt.ContainsKey(plan);

        /// <summary>Where the plan's region is staged: its slice of the kept buffer, or the start of the scratch buffer.</summary>
        public Tensor RegionOf(StoragePlan plan)
        {
            var dtype = plan.Storage.DType;
            long elements = plan.RegionEnd - plan.RegionStart;
            return _keptAt.TryGetValue(plan, out long at)
                ? Buffer(_kept, _keptElements, dtype).narrow(0, at, elements)
                : Buffer(_scratch, _scratchElements, dtype).narrow(0, 0, elements);
        }

        public void Dispose()
        {
            foreach (var tensor in _kept.Values)
            {
                tensor.Dispose();
            }

            foreach (var tensor in _scratch.Values)
            {
                tensor.Dispose();
            }
        }

        private static Tensor Buffer(Dictionary<ScalarType, Tensor> buffers, Dictionary<ScalarType, long> sizes, ScalarType dtype)
        {
            if (!buffers.TryGetValue(dtype, out var buffer))
            {
                buffer = empty([sizes[dtype]], dtype);
                buffers.Add(dtype, buffer);
            }

            return buffer;
        }
    }
}
