"""Times torch.load + load_state_dict of the seed ResNet34 (101 classes) checkpoint in PATH and prints
'<seconds> <peak resident bytes above the resident size just before loading>'. Called by
Tests/NetGen.StateDict.Benchmark; seed_models.py is copied next to this script there."""
import os, sys, time
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fixtures'))
import torch
from seed_models import ResNet34


def status(field):
    with open('/proc/self/status') as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    raise RuntimeError(field)


torch.set_num_threads(2)
model = ResNet34(101)
with open('/proc/self/clear_refs', 'w') as f:
    f.write('5')
before = status('VmRSS:')
start = time.perf_counter()
model.load_state_dict(torch.load(sys.argv[1], map_location='cpu'))
seconds = time.perf_counter() - start
print(f'{seconds:.3f} {status("VmHWM:") - before}')
