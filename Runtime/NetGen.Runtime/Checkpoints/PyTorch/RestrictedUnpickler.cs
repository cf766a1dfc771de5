using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Text;

namespace NetGen
{
    /// <summary>
    /// A pickle reader that executes nothing. It understands the opcodes <c>torch.save</c> emits (protocol 2,
    /// plus the few protocol 3/4 additions) and resolves only the allow-listed globals: the tensor-rebuild
    /// functions, <c>collections.OrderedDict</c> and the typed storage classes. Any other global, such as
    /// <c>os.system</c>, is rejected when the GLOBAL opcode is read, before any call could be made. Work and
    /// memory are bounded by the input size and by <see cref="MaxObjects"/>.
    /// </summary>
    internal sealed class RestrictedUnpickler
    {
        /// <summary>
        /// Values a pickle may create: about 30 per tensor in a state dict that torch.save writes, so room for
        /// some 30,000 tensors, while a hostile pickle of a million empty containers stays under 40 MB.
        /// </summary>
        private const int MaxObjects = 1_000_000;

        private static readonly object True = true;
        private static readonly object False = false;
        private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

        private readonly byte[] _data;
        private readonly Func<PickleTuple, StorageRef> _persistentLoad;
        private readonly List<object?> _stack = new();
        private readonly List<int> _marks = new();
        private readonly PickleMemo _memo = new(MaxObjects);
        private int _position;
        private int _objects;

        public RestrictedUnpickler(byte[] data, Func<PickleTuple, StorageRef> persistentLoad)
        {
            _data = data;
            _persistentLoad = persistentLoad;
        }

        public object? Load()
        {
            while (true)
            {
                int at = _position;
                byte opcode = ReadByte();
                switch (opcode)
                {
                    case 0x80: // PROTO
                        if (ReadByte() > 5)
                        {
                            throw Fail("unsupported pickle protocol");
                        }

                        break;
                    case 0x95: // FRAME
                        Take(8);
                        break;
                    case (byte)'.': // STOP
                        if (_stack.Count != 1 || _marks.Count != 0)
                        {
                            throw Fail("STOP with an unbalanced stack");
                        }

                        return _stack[0];
                    case (byte)'(': // MARK
                        _marks.Add(_stack.Count);
                        break;
                    case (byte)'0': // POP
                        Pop();
                        break;
                    case (byte)'1': // POP_MARK
                        PopMark();
                        break;
                    case (byte)'2': // DUP
                        Push(Peek());
                        break;
                    case (byte)'N':
                        Push(null);
                        break;
                    case 0x88: // NEWTRUE
                        Push(True);
                        break;
                    case 0x89: // NEWFALSE
                        Push(False);
                        break;
                    case (byte)'K': // BININT1
                        Push((long)ReadByte());
                        break;
                    case (byte)'M': // BININT2
                        Push((long)BinaryPrimitives.ReadUInt16LittleEndian(Take(2)));
                        break;
                    case (byte)'J': // BININT
                        Push((long)BinaryPrimitives.ReadInt32LittleEndian(Take(4)));
                        break;
                    case 0x8a: // LONG1
                        Push(ReadLong(ReadByte()));
                        break;
                    case 0x8b: // LONG4
                        Push(ReadLong(ReadLength(4)));
                        break;
                    case (byte)'G': // BINFLOAT
                        Push(BinaryPrimitives.ReadDoubleBigEndian(Take(8)));
                        break;
                    case (byte)'X': // BINUNICODE
                        Push(ReadUtf8(ReadLength(4)));
                        break;
                    case 0x8c: // SHORT_BINUNICODE
                        Push(ReadUtf8(ReadByte()));
                        break;
                    case 0x8d: // BINUNICODE8
                        Push(ReadUtf8(ReadLength(8)));
                        break;
                    case (byte)'U': // SHORT_BINSTRING
                        Push(Encoding.Latin1.GetString(Take(ReadByte())));
                        break;
                    case (byte)'T': // BINSTRING
                        Push(Encoding.Latin1.GetString(Take(ReadLength(4))));
                        break;
                    case (byte)'C': // SHORT_BINBYTES
                        Push(Take(ReadByte()).ToArray());
                        break;
                    case (byte)'B': // BINBYTES
                        Push(Take(ReadLength(4)).ToArray());
                        break;
                    case (byte)')': // EMPTY_TUPLE
                        Push(PickleTuple.Empty);
                        break;
                    case (byte)'t': // TUPLE
                        Push(new PickleTuple(PopMark().ToArray()));
                        break;
                    case 0x85: // TUPLE1
                        Push(new PickleTuple([Pop()]));
                        break;
                    case 0x86: // TUPLE2
                    {
                        var second = Pop();
                        Push(new PickleTuple([Pop(), second]));
                        break;
                    }

                    case 0x87: // TUPLE3
                    {
                        var third = Pop();
                        var second = Pop();
                        Push(new PickleTuple([Pop(), second, third]));
                        break;
                    }

                    case (byte)']': // EMPTY_LIST
                        Push(new PickleList());
                        break;
                    case (byte)'l': // LIST
                    {
                        var list = new PickleList();
                        list.AddRange(PopMark());
                        Push(list);
                        break;
                    }

                    case (byte)'a': // APPEND
                    {
                        var item = Pop();
                        AsList(Peek()).Add(item);
                        break;
                    }

                    case (byte)'e': // APPENDS
                    {
                        var items = PopMark();
                        AsList(Peek()).AddRange(items);
                        break;
                    }

                    case (byte)'}': // EMPTY_DICT
                        Push(new PickleDict());
                        break;
                    case (byte)'d': // DICT
                    {
                        var dict = new PickleDict();
                        AddPairs(dict, PopMark());
                        Push(dict);
                        break;
                    }

                    case (byte)'s': // SETITEM
                    {
                        var value = Pop();
                        var key = Pop();
                        AsDict(Peek()).Add(key, value);
                        break;
                    }

                    case (byte)'u': // SETITEMS
                    {
                        var items = PopMark();
                        AddPairs(AsDict(Peek()), items);
                        break;
                    }

                    case (byte)'q': // BINPUT
                        Memoize(ReadByte());
                        break;
                    case (byte)'r': // LONG_BINPUT
                        Memoize(BinaryPrimitives.ReadUInt32LittleEndian(Take(4)));
                        break;
                    case 0x94: // MEMOIZE
                        Memoize(_memo.Count);
                        break;
                    case (byte)'h': // BINGET
                        Push(Recall(ReadByte()));
                        break;
                    case (byte)'j': // LONG_BINGET
                        Push(Recall(BinaryPrimitives.ReadUInt32LittleEndian(Take(4))));
                        break;
                    case (byte)'c': // GLOBAL
                    {
                        string module = ReadLine();
                        string name = ReadLine();
                        Push(Resolve(module, name));
                        break;
                    }

                    case 0x93: // STACK_GLOBAL
                    {
                        var name = Pop() as string;
                        var module = Pop() as string;
                        if (name is null || module is null)
                        {
                            throw Fail("STACK_GLOBAL without two strings");
                        }

                        Push(Resolve(module, name));
                        break;
                    }

                    case (byte)'Q': // BINPERSID
                    {
                        var pid = Pop() as PickleTuple ?? throw Fail("a persistent id that is not a tuple");
                        Push(_persistentLoad(pid));
                        break;
                    }

                    case (byte)'R': // REDUCE
                    {
                        var args = Pop() as PickleTuple ?? throw Fail("REDUCE arguments that are not a tuple");
                        var callable = Pop() as PickleGlobal ?? throw Fail("REDUCE on something that is not a global");
                        Push(TorchRebuild.Call(callable, args.Items, Fail));
                        break;
                    }

                    case (byte)'b': // BUILD
                    {
                        var state = Pop();
                        if (Peek() is not PickleDict || state is not (PickleDict or null))
                        {
                            throw Fail("BUILD on an object other than an OrderedDict");
                        }

                        // An OrderedDict's state is its __dict__, i.e. state_dict()._metadata; it is not needed.
                        break;
                    }

                    default:
                        throw Fail($"opcode 0x{opcode:x2} at byte {at} is not one that torch.save writes");
                }
            }
        }

        private PickleGlobal Resolve(string module, string name)
        {
            if (TorchRebuild.IsAllowed(module, name))
            {
                return new PickleGlobal(module, name);
            }

            throw Fail(
                $"the pickle names the global '{module}.{name}', which is not a tensor-rebuild function, "
                + "OrderedDict or a storage type; it was not resolved and nothing from the file ran");
        }

        private void AddPairs(PickleDict dict, List<object?> items)
        {
            if (items.Count % 2 != 0)
            {
                throw Fail("a dict built from an odd number of items");
            }

            for (int i = 0; i < items.Count; i += 2)
            {
                dict.Add(items[i], items[i + 1]);
            }
        }

        private PickleList AsList(object? value) => value as PickleList ?? throw Fail("APPEND to something that is not a list");

        private PickleDict AsDict(object? value) => value as PickleDict ?? throw Fail("SETITEM on something that is not a dict");

        private object? Recall(long index) =>
            _memo.TryGet(index, out var value) ? value : throw Fail($"memo slot {index} read before it was written");

        private void Push(object? value)
        {
            CountObject();
            _stack.Add(value);
        }

        private void Memoize(long index)
        {
            if (!_memo.TrySet(index, Peek()))
            {
                throw Fail($"the pickle memoizes more than {MaxObjects} values");
            }
        }

        private void CountObject()
        {
            if (++_objects > MaxObjects)
            {
                throw Fail($"the pickle holds more than {MaxObjects} values");
            }
        }

        private object? Pop()
        {
            int floor = _marks.Count > 0 ? _marks[^1] : 0;
            if (_stack.Count <= floor)
            {
                throw Fail("stack underflow");
            }

            var value = _stack[^1];
            _stack.RemoveAt(_stack.Count - 1);
            return value;
        }

        private object? Peek()
        {
            int floor = _marks.Count > 0 ? _marks[^1] : 0;
            return _stack.Count > floor ? _stack[^1] : throw Fail("stack underflow");
        }

        private List<object?> PopMark()
        {
            if (_marks.Count == 0)
            {
                throw Fail("no MARK to pop to");
            }

            int mark = _marks[^1];
            _marks.RemoveAt(_marks.Count - 1);
            var items = _stack.GetRange(mark, _stack.Count - mark);
            _stack.RemoveRange(mark, _stack.Count - mark);
            return items;
        }

        private byte ReadByte()
        {
            if (_position >= _data.Length)
            {
                throw Fail("the pickle ends without STOP");
            }

            return _data[_position++];
        }

        private ReadOnlySpan<byte> Take(int count)
        {
            if (count < 0 || count > _data.Length - _position)
            {
                throw Fail("the pickle ends inside an argument");
            }

            var span = _data.AsSpan(_position, count);
            _position += count;
            return span;
        }

        private int ReadLength(int bytes)
        {
            ulong length = bytes switch
            {
                4 => BinaryPrimitives.ReadUInt32LittleEndian(Take(4)),
                _ => BinaryPrimitives.ReadUInt64LittleEndian(Take(8)),
            };
            return length <= (ulong)(_data.Length - _position) ? (int)length : throw Fail("a length past the end of the pickle");
        }

        private long ReadLong(int bytes)
        {
            if (bytes > 8)
            {
                throw Fail("an integer wider than 64 bits");
            }

            var span = Take(bytes);
            if (bytes == 0)
            {
                return 0;
            }

            long value = (sbyte)span[bytes - 1];
            for (int i = bytes - 2; i >= 0; i--)
            {
                value = (value << 8) | span[i];
            }

            return value;
        }

        private string ReadUtf8(int bytes)
        {
            try
            {
                return StrictUtf8.GetString(Take(bytes));
            }
            catch (DecoderFallbackException)
            {
                throw Fail("a string that is not valid UTF-8");
            }
        }

        private string ReadLine()
        {
            int end = Array.IndexOf(_data, (byte)'\n', _position, Math.Min(256, _data.Length - _position));
            if (end < 0)
            {
                throw Fail("a GLOBAL name without a newline within 256 bytes");
            }

            string line = Encoding.ASCII.GetString(_data, _position, end - _position);
            _position = end + 1;
            return line;
        }

        private PickleFormatException Fail(string problem) => new($"{problem} (pickle byte {_position})");
    }
}
