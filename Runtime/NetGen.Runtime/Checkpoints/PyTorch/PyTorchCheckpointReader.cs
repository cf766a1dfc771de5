using System;
using System.Collections.Generic;
using System.IO;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Reads the zip format of <c>torch.save(state_dict)</c> (PyTorch 1.6 and later): <c>PREFIX/data.pkl</c>
    /// holds a pickled dict of tensors whose storages are the records <c>PREFIX/data/KEY</c>. The pickle is read
    /// by <see cref="RestrictedUnpickler"/>, every view is checked against its storage, storage sizes against the
    /// zip directory, and the local header of every record an entry uses, before any tensor memory is allocated.
    /// Reads and loads go storage by storage (<see cref="StoragePlan"/>).
    /// </summary>
    internal sealed class PyTorchCheckpointReader : CheckpointReader
    {
        private const int MaxPickleBytes = 32 << 20;

        /// <summary>
        /// A compressed data.pkl may inflate to at most this, or to its compressed size: the unpickler's memory is
        /// proportional to the pickle, and torch.save never compresses it. ResNet34's is 40 KB.
        /// </summary>
        private const int MaxInflatedPickleBytes = 4 << 20;

        /// <summary>
        /// A load inflates each deflated storage once to check it before anything is copied, and keeps the result
        /// for the copy up to this many bytes in all; a storage past it is inflated again when copied, so a file of
        /// many compressed storages cannot hold the load's memory at the size of the whole model.
        /// </summary>
        private const long MaxKeptInflatedBytes = 32 << 20;

        private readonly Stream _stream;
        private readonly bool _ownsStream;
        private readonly Dictionary<string, StorageRef> _storages = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ZipRecord> _records = new(StringComparer.Ordinal);
        private readonly List<TensorRef> _views = new();
        private ZipDirectory? _directory;
        private string _prefix = "";
        private long _parsedLength;

        public PyTorchCheckpointReader(Stream stream, string source, bool ownsStream)
            : base(source, CheckpointFormat.PyTorch)
        {
            _stream = stream;
            _ownsStream = ownsStream;
            Guard(null, Parse);
        }

        private protected override Tensor[] ReadEntries(IReadOnlyList<int> indices)
        {
            var result = new Tensor?[indices.Count];
            try
            {
                var views = new List<PlannedView>(indices.Count);
                for (int slot = 0; slot < indices.Count; slot++)
                {
                    var entry = Entries[indices[slot]];
                    var view = _views[indices[slot]];
                    if (view.Elements == 0)
                    {
                        result[slot] = empty(entry.Shape, entry.DType);
                    }

                    views.Add(new PlannedView(entry.Key, view, null, slot));
                }

                foreach (var plan in Plan(views))
                {
                    using var region = Stage(plan);
                    foreach (var view in plan.Staged)
                    {
                        result[view.Slot] = ViewOf(region, plan, view.Tensor);
                    }
                }

                return result!;
            }
            catch
            {
                DisposeAll(result);
                throw;
            }
        }

        private protected override void CopyEntries(IReadOnlyList<EntryCopy> copies)
        {
            var views = new List<PlannedView>(copies.Count);
            foreach (var copy in copies)
            {
                views.Add(new PlannedView(copy.Entry.Key, _views[copy.Index], copy.Destination, copy.Index));
            }

            var plans = Plan(views);

            // A file torch.save wrote stages nothing: every view is a contiguous run of a stored record.
            using var staging = plans.Exists(plan => plan.Staged.Count > 0) ? new StagingBuffers(plans, MaxKeptInflatedBytes) : null;
            Check(plans, staging);
            foreach (var plan in plans)
            {
                ReadDirect(plan);
                if (plan.Staged.Count == 0)
                {
                    continue;
                }

                using var region = staging!.RegionOf(plan);
                if (!staging.IsKept(plan))
                {
                    Fill(plan, region);
                }

                foreach (var view in plan.Staged)
                {
                    using var source = ViewOf(region, plan, view.Tensor);
                    view.Destination!.copy_(source);
                }
            }
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing && _ownsStream)
            {
                _stream.Dispose();
            }
        }

        /// <summary>
        /// Everything a load can check before writing: the file has not shrunk since it was opened (local headers
        /// and data ranges were checked then), no deflated storage inflates past its bound, and every deflated
        /// storage inflates to exactly its declared size. The inflated regions stay staged where the budget allows.
        /// </summary>
        private void Check(List<StoragePlan> plans, StagingBuffers? staging)
        {
            if (plans.Count > 0 && _stream.Length < _parsedLength)
            {
                throw Corrupt($"the file shrank from {_parsedLength} to {_stream.Length} bytes after it was opened", plans[0].FirstKey);
            }

            foreach (var plan in plans)
            {
                if (plan.Record.Method == ZipMethod.Deflated)
                {
                    using var region = staging!.RegionOf(plan);
                    Fill(plan, region);
                }
            }
        }

        private List<StoragePlan> Plan(IEnumerable<PlannedView> views)
        {
            var plans = StoragePlan.For(
                views,
                storage => _records[storage.Key],
                view => view.Destination is { } destination && CanReadDirectly(view.Tensor.Storage.DType, destination));
            foreach (var plan in plans)
            {
                if (plan.Record.Method == ZipMethod.Deflated && plan.RefusalReason() is { } reason)
                {
                    throw Corrupt(reason, plan.FirstKey);
                }
            }

            return plans;
        }

        /// <summary>Reads the plan's contiguous views of a stored record straight into their destinations.</summary>
        private void ReadDirect(StoragePlan plan)
        {
            foreach (var view in plan.Direct)
            {
                try
                {
                    ZipRecordData.ReadStored(_stream, plan.Record, view.Tensor.Offset * plan.ElementSize, view.Destination!);
                }
                catch (Exception e) when (IsFormatProblem(e))
                {
                    throw Corrupt(e.Message, view.Key, e);
                }
            }
        }

        /// <summary>A new tensor holding the plan's staged region, for a read that returns views of it.</summary>
        private Tensor Stage(StoragePlan plan)
        {
            var region = empty([plan.RegionEnd - plan.RegionStart], plan.Storage.DType);
            try
            {
                Fill(plan, region);
                return region;
            }
            catch
            {
                region.Dispose();
                throw;
            }
        }

        /// <summary>
        /// Reads the plan's staged region into <paramref name="region"/>. A deflated record is inflated whole, so one
        /// that does not inflate to exactly its declared size is found here.
        /// </summary>
        private void Fill(StoragePlan plan, Tensor region)
        {
            long from = plan.RegionStart * plan.ElementSize;
            try
            {
                if (plan.Record.Method == ZipMethod.Stored)
                {
                    ZipRecordData.ReadStored(_stream, plan.Record, from, region);
                }
                else
                {
                    ZipRecordData.Inflate(_stream, plan.Record, from, region);
                }
            }
            catch (Exception e) when (IsFormatProblem(e))
            {
                throw Corrupt($"storage record '{plan.Record.Name}' (the data of {plan.Keys}): {e.Message}", plan.FirstKey, e);
            }
        }

        private static Tensor ViewOf(Tensor region, StoragePlan plan, TensorRef view) =>
            region.as_strided(view.Shape, view.Strides, view.Offset - plan.RegionStart);

        private void Parse()
        {
            Span<byte> magic = stackalloc byte[4];
            _stream.Position = 0;
            if (_stream.Length < 4 || _stream.Read(magic) != 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4)
            {
                throw Corrupt(
                    "it does not start with the zip magic 'PK\\x03\\x04'; NetGen reads the zip format torch.save has "
                    + "written since PyTorch 1.6, not the legacy format");
            }

            _parsedLength = _stream.Length;
            _directory = ZipDirectory.Read(_stream, problem => Corrupt(problem));
            var root = Unpickle(_directory.Locate(FindPickle(_directory), problem => Corrupt(problem)));
            if (root is not PickleDict dict)
            {
                throw Corrupt("data.pkl does not hold a dict; save model.state_dict(), not the model");
            }

            var (items, nestedUnder, ignored) = StateDictLayout.Find(dict, problem => Corrupt(problem));
            NestedUnder = nestedUnder;
            IgnoredItems = ignored;
            foreach (var (key, value) in items)
            {
                if (value is not TensorRef tensor)
                {
                    continue;
                }

                if (key is not string name)
                {
                    throw Corrupt("the state dict has a tensor under a key that is not a string");
                }

                AddEntry(new CheckpointEntry(name, tensor.Storage.DType, tensor.Shape));
                _views.Add(tensor);
                if (!_records.ContainsKey(tensor.Storage.Key))
                {
                    _records.Add(tensor.Storage.Key, Locate(name, StorageRecordName(tensor.Storage.Key)));
                }
            }
        }

        /// <summary>Checks the local header of the record holding <paramref name="key"/>'s storage; a problem names the key.</summary>
        private ZipRecord Locate(string key, string record)
        {
            try
            {
                return _directory!.Locate(record, problem => Corrupt(problem, key));
            }
            catch (Exception e) when (IsFormatProblem(e))
            {
                throw Corrupt(e.Message, key, e);
            }
        }

        private string FindPickle(ZipDirectory directory)
        {
            string? pickle = null;
            foreach (string name in directory.Names)
            {
                int slash = name.IndexOf('/');
                if (slash > 0 && name.AsSpan(slash + 1).SequenceEqual("data.pkl"))
                {
                    pickle = pickle is null ? name : throw Corrupt("the zip holds more than one data.pkl");
                }
            }

            if (pickle is null)
            {
                throw Corrupt("the zip holds no PREFIX/data.pkl record, so it was not written by torch.save");
            }

            _prefix = pickle[..pickle.IndexOf('/')];
            return pickle;
        }

        private object? Unpickle(ZipRecord pickle)
        {
            if (pickle.Size > MaxPickleBytes)
            {
                throw Corrupt($"data.pkl is {pickle.Size} bytes, more than the {MaxPickleBytes} NetGen reads");
            }

            if (pickle.Method == ZipMethod.Deflated && pickle.Size > Math.Max(pickle.CompressedSize, MaxInflatedPickleBytes))
            {
                throw Corrupt(
                    $"data.pkl is deflated from {pickle.CompressedSize} to {pickle.Size} bytes; NetGen inflates a compressed "
                    + $"data.pkl to at most {MaxInflatedPickleBytes} bytes (torch.save writes it uncompressed)");
            }

            try
            {
                return new RestrictedUnpickler(ZipRecordData.ReadAll(_stream, pickle), LoadStorage).Load();
            }
            catch (PickleFormatException e)
            {
                throw Corrupt(e.Message);
            }
        }

        private StorageRef LoadStorage(PickleTuple pid)
        {
            var items = pid.Items;
            if (items.Length != 5 || items[0] is not "storage" || items[1] is not PickleGlobal type
                || items[2] is not string key || items[4] is not long elements || elements < 0
                || !ElementTypes.TryFromStorageName(type.Name, out ScalarType dtype))
            {
                throw new PickleFormatException("a persistent id that is not ('storage', torch.XStorage, key, location, numel)");
            }

            if (_storages.TryGetValue(key, out var known))
            {
                return known.DType == dtype && known.Elements == elements
                    ? known
                    : throw new PickleFormatException($"storage '{key}' is described twice with different types or sizes");
            }

            string recordName = StorageRecordName(key);
            if (!_directory!.Contains(recordName))
            {
                throw new PickleFormatException($"storage '{key}' has no record {recordName} in the zip");
            }

            long declared = _directory.DeclaredSize(recordName);
            if (!ByteCounts.TryGet([elements], ElementTypes.SizeOf(dtype), declared, out long bytes) || bytes != declared)
            {
                throw new PickleFormatException($"storage '{key}' claims {elements} {type.Name} elements but its record holds {declared} bytes");
            }

            var storage = new StorageRef(key, dtype, elements);
            _storages.Add(key, storage);
            return storage;
        }

        private string StorageRecordName(string key) => $"{_prefix}/data/{key}";
    }
}
