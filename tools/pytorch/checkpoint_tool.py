"""Checks NetGen checkpoints against real PyTorch (Debian's python3-torch, run as /usr/bin/python3).

The NetGen runtime tests call it as a subprocess:
  check-pt FILE EXPECTED.json           torch.load(FILE) must hold exactly the tensors in EXPECTED.json
  check-safetensors FILE EXPECTED.json  the same for a safetensors file, parsed here (json + torch.frombuffer)
                                        because python3-torch ships no safetensors module
  equal-pt A B                          two .pt state dicts hold the same keys, in order, with equal tensors
  make-malicious OUT MARKER             torch.save of an object whose __reduce__ is os.system('touch MARKER')

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
    elif command == 'make-malicious':
        torch.save({'weight': torch.ones(2), 'payload': Malicious(argv[3])}, argv[2])
        print('OK 1')
    else:
        sys.exit(f'unknown command {command}')


if __name__ == '__main__':
    main(sys.argv)
