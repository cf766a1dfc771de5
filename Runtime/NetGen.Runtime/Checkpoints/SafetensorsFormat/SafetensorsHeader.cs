using System;
using System.Collections.Generic;
using System.Text.Json;

namespace NetGen
{
    /// <summary>One tensor as the safetensors header describes it, before its sizes are checked.</summary>
    internal readonly record struct SafetensorsHeaderEntry(string Key, string DType, long[] Shape, long Begin, long End);

    /// <summary>
    /// Reads the JSON header of a safetensors file token by token, without building a document: memory stays
    /// proportional to the entries (a header of a million entries is read in one pass), and a malformed header
    /// is found at the first bad token. Unknown properties of an entry are skipped, as the reference reader does.
    /// </summary>
    internal ref struct SafetensorsHeader
    {
        private const int MaxRank = 64;
        private Utf8JsonReader _json;
        private readonly Func<string, string?, Exception> _fail;

        public SafetensorsHeader(byte[] header, Func<string, string?, Exception> fail)
        {
            _json = new Utf8JsonReader(header, new JsonReaderOptions { MaxDepth = 8 });
            _fail = fail;
        }

        /// <summary>Calls <paramref name="onEntry"/> for each tensor and <paramref name="onMetadata"/> for each <c>__metadata__</c> item, in header order.</summary>
        public void Read(Action<SafetensorsHeaderEntry> onEntry, Action<string, string> onMetadata)
        {
            if (!_json.Read() || _json.TokenType != JsonTokenType.StartObject)
            {
                throw _fail("the JSON header is not an object", null);
            }

            while (Next() == JsonTokenType.PropertyName)
            {
                string key = _json.GetString()!;
                if (Next() != JsonTokenType.StartObject)
                {
                    throw _fail(key == "__metadata__" ? "__metadata__ is not an object" : "the header entry is not an object", key);
                }

                if (key == "__metadata__")
                {
                    ReadMetadata(onMetadata);
                }
                else
                {
                    onEntry(ReadEntry(key));
                }
            }

            if (_json.Read())
            {
                throw _fail("the JSON header has data after its closing brace", null);
            }
        }

        private SafetensorsHeaderEntry ReadEntry(string key)
        {
            string? dtype = null;
            long[]? shape = null;
            long begin = -1, end = -1;
            while (Next() == JsonTokenType.PropertyName)
            {
                if (_json.ValueTextEquals("dtype"u8))
                {
                    dtype = Next() == JsonTokenType.String && dtype is null
                        ? KnownDType() ?? _json.GetString()
                        : throw _fail("dtype is not a string, or appears twice", key);
                }
                else if (_json.ValueTextEquals("shape"u8))
                {
                    shape = shape is null ? ReadShape(key) : throw _fail("shape appears twice", key);
                }
                else if (_json.ValueTextEquals("data_offsets"u8))
                {
                    (begin, end) = begin < 0 ? ReadOffsets(key) : throw _fail("data_offsets appears twice", key);
                }
                else
                {
                    Next();
                    _json.Skip();
                }
            }

            if (dtype is null || shape is null || begin < 0)
            {
                throw _fail("the header entry lacks a string dtype, a shape array or a data_offsets array", key);
            }

            return new SafetensorsHeaderEntry(key, dtype, shape, begin, end);
        }

        private long[] ReadShape(string key)
        {
            if (Next() != JsonTokenType.StartArray)
            {
                throw _fail("shape is not an array", key);
            }

            Span<long> dimensions = stackalloc long[MaxRank];
            int rank = 0;
            while (Next() != JsonTokenType.EndArray)
            {
                if (rank == MaxRank)
                {
                    throw _fail($"more than {MaxRank} dimensions", key);
                }

                dimensions[rank++] = NonNegative(key, "a dimension");
            }

            return dimensions[..rank].ToArray();
        }

        private (long Begin, long End) ReadOffsets(string key)
        {
            if (Next() != JsonTokenType.StartArray)
            {
                throw _fail("data_offsets is not an array", key);
            }

            Next();
            long begin = NonNegative(key, "data_offsets");
            Next();
            long end = NonNegative(key, "data_offsets");
            if (Next() != JsonTokenType.EndArray)
            {
                throw _fail("data_offsets has more than two numbers", key);
            }

            return (begin, end);
        }

        private void ReadMetadata(Action<string, string> onMetadata)
        {
            while (Next() == JsonTokenType.PropertyName)
            {
                string name = _json.GetString()!;
                if (Next() != JsonTokenType.String)
                {
                    throw _fail($"__metadata__ value '{name}' is not a string", null);
                }

                onMetadata(name, _json.GetString()!);
            }
        }

        /// <summary>The dtype name as a shared string when it is one NetGen reads, so a million entries do not allocate a million copies of "F32".</summary>
        private string? KnownDType()
        {
            foreach (string name in ElementTypes.SafetensorsNames)
            {
                if (_json.ValueTextEquals(name))
                {
                    return name;
                }
            }

            return null;
        }

        private long NonNegative(string key, string what) =>
            _json.TokenType == JsonTokenType.Number && _json.TryGetInt64(out long value) && value >= 0
                ? value
                : throw _fail($"{what} holds something that is not a non-negative integer", key);

        private JsonTokenType Next() =>
            _json.Read() ? _json.TokenType : throw _fail("the JSON header ends early", null);
    }
}
