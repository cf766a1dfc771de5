"""Checks NetGen checkpoints against real PyTorch (Debian's python3-torch, run as /usr/bin/python3).

The NetGen runtime tests call it as a subprocess:
  check-pt FILE EXPECTED.json           torch.load(FILE) must hold exactly the tensors in EXPECTED.json
  check-safetensors FILE EXPECTED.json  the same for a safetensors file, parsed here (json + torch.frombuffer)
                                        because python3-torch ships no safetensors module
  equal-pt A B                          two .pt state dicts hold the same keys, in order, with equal tensors
  make-malicious OUT MARKER             torch.save of an object whose __reduce__ is os.system('touch MARKER')
  make-views OUT EXPECTED.json          torch.save of a state dict of strided views (expanded, transposed, overlapping,
                                        gapped, channels-last, sharing one storage); EXPECTED.json holds their values
  make-nested OUT LAYOUT EXPECTED.json  a training checkpoint {LAYOUT: state_dict, 'optimizer_state_dict': ...,
                                        'epoch': 3, 'loss': 0.25} of a Linear(4, 3) + BatchNorm1d(3) after one SGD
                                        step; EXPECTED.json holds the state dict. LAYOUT 'net' makes a checkpoint
                                        whose state dict is under a key NetGen does not unwrap

EXPECTED.json is a list of [key, dtype, shape, base64 of the little-endian element bytes].
Prints 'OK <count>' on success; anything else exits non-zero with the reason on stderr.
"""
import base64, json, os, struct, sys
import torch

DTYPES = {
    'float32': torch.float32, 'float64': torch.float64, 'float16': torch.float16, 'bfloat16': torch.bfloat16,
    'int64': torch.int64, 'int32': torch.int32, 'int16': torch.int16, 'int8': torch.int8,
    'uint8': torch.uint8, 'bool': torch.bool,
}
SAFETENSORS = {'F32': 'float32', 'F64': 'float64', 'F16': 'float16', 'BF16': 'bfloat16', 'I64': 'int64',
               'I32': 'int32', 'I16': 'int16', 'I8': 'int8', 'U8': 'uint8', 'BOOL': 'bool'}


def from_bytes(raw, dtype, shape):
    if len(raw) == 0:
        return torch.empty(shape, dtype=dtype)
    return torch.frombuffer(bytearray(raw), dtype=dtype).reshape(shape).clone()


def expected_tensors(path):
    with open(path) as f:
        items = json.load(f)
    return [(k, from_bytes(base64.b64decode(b), DTYPES[d], s)) for k, d, s, b in items]


def compare(actual, expected):
    keys = list(actual.keys())
    if keys != [k for k, _ in expected]:
        sys.exit(f'keys differ: {keys} vs {[k for k, _ in expected]}')
    for key, want in expected:
        got = actual[key]
        if got.dtype != want.dtype or list(got.shape) != list(want.shape) or not torch.equal(got, want):
            sys.exit(f'{key}: got {got.dtype} {list(got.shape)}, want {want.dtype} {list(want.shape)} or values differ')
    print(f'OK {len(expected)}')


def load_safetensors(path):
    with open(path, 'rb') as f:
        data = f.read()
    (n,) = struct.unpack('<Q', data[:8])
    header = json.loads(data[8:8 + n])
    header.pop('__metadata__', None)
    body = data[8 + n:]
    return {k: from_bytes(body[v['data_offsets'][0]:v['data_offsets'][1]], DTYPES[SAFETENSORS[v['dtype']]], v['shape'])
            for k, v in header.items()}


def write_expected(path, items):
    with open(path, 'w') as f:
        json.dump([[k, str(t.dtype).replace('torch.', ''), list(t.shape),
                    base64.b64encode(t.contiguous().numpy().tobytes()).decode()] for k, t in items], f)


def make_views(out, expected):
    torch.manual_seed(0)
    base = torch.arange(60, dtype=torch.float32)
    grid = torch.randn(4, 6)
    views = {
        'expanded': torch.randn(3, 1).expand(3, 5),
        'stride0': torch.tensor([7.0]).expand(1000),
        'transposed': grid.t(),
        'gapped': grid[:, ::2],
        'narrowed': grid[1:3, 2:5],
        'overlapping': torch.as_strided(base, (5, 8), (2, 1), 3),
        'shared.a': base[10:20],
        'shared.b': base.view(6, 10)[:, 3],
        'channels_last': torch.randn(2, 3, 4, 5).contiguous(memory_format=torch.channels_last),
        'empty': torch.empty(0, 4),
        'scalar': base[17],
    }
    torch.save(views, out)
    write_expected(expected, views.items())
    print(f'OK {len(views)}')


def make_nested(out, layout, expected):
    torch.manual_seed(1)
    model = torch.nn.Sequential()
    model.add_module('fc', torch.nn.Linear(4, 3))
    model.add_module('bn', torch.nn.BatchNorm1d(3))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
    loss = model(torch.randn(8, 4)).pow(2).mean()
    loss.backward()
    optimizer.step()
    state = model.state_dict()
    torch.save({layout: state, 'optimizer_state_dict': optimizer.state_dict(), 'epoch': 3, 'loss': 0.25}, out)
    write_expected(expected, state.items())
    print(f'OK {len(state)}')


class Malicious:
    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return (os.system, ('touch ' + self.marker,))


def main(argv):
    command = argv[1]
    if command == 'check-pt':
        compare(torch.load(argv[2], map_location='cpu'), expected_tensors(argv[3]))
    elif command == 'check-safetensors':
        compare(load_safetensors(argv[2]), expected_tensors(argv[3]))
    elif command == 'equal-pt':
        a = torch.load(argv[2], map_location='cpu')
        compare(a, list(torch.load(argv[3], map_location='cpu').items()))
    elif command == 'make-views':
        make_views(argv[2], argv[3])
    elif command == 'make-nested':
        make_nested(argv[2], argv[3], argv[4])
    elif command == 'make-malicious':
        torch.save({'weight': torch.ones(2), 'payload': Malicious(argv[3])}, argv[2])
        print('OK 1')
    else:
        sys.exit(f'unknown command {command}')


if __name__ == '__main__':
    main(sys.argv)
