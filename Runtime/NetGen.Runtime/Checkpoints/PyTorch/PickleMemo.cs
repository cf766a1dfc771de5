using System.Collections.Generic;

namespace NetGen
{
    /// <summary>
    /// The pickle memo: slots written by MEMOIZE and BINPUT and read by BINGET. Pickles number their slots from 0
    /// in order, so the slots live in a list (8 bytes each); an out-of-order index goes to a dictionary. At most
    /// <c>capacity</c> slots exist, whatever indices a hostile pickle names.
    /// </summary>
    internal sealed class PickleMemo(int capacity)
    {
        private readonly List<object?> _dense = new();
        private readonly Dictionary<long, object?> _sparse = new();

        /// <summary>The number of slots, which MEMOIZE uses as its index (Python's <c>len(memo)</c>).</summary>
        public int Count => _dense.Count + _sparse.Count;

        public bool TrySet(long index, object? value)
        {
            if (index >= 0 && index < _dense.Count)
            {
                _dense[(int)index] = value;
                return true;
            }

            if (Count >= capacity && !_sparse.ContainsKey(index))
            {
                return false;
            }

            if (index == _dense.Count)
            {
                _dense.Add(value);
                _sparse.Remove(index);
            }
            else
            {
                _sparse[index] = value;
            }

            return true;
        }

        public bool TryGet(long index, out object? value)
        {
            if (index >= 0 && index < _dense.Count)
            {
                value = _dense[(int)index];
                return true;
            }

            return _sparse.TryGetValue(index, out value);
        }
    }
}
