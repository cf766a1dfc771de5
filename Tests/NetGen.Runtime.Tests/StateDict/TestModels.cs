using System.Collections.Generic;
using System.IO;
using System.Text.Json;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace NetGen.Runtime.Tests.StateDict
{
    /// <summary>
    /// The seed's <c>Net</c>, hand-registered the way generated code registers it, at a configurable size:
    /// conv(3→c1,k3) → relu → pool2 → conv(c1→c2,k3) → relu → pool2 → flatten → fc1 → relu → fc2 → relu → fc3.
    /// <c>new SeedNet(32, 32, 64, 256, 128, 10)</c> matches the <c>net32</c> PyTorch fixture.
    /// </summary>
    internal sealed class SeedNet : Module<Tensor, Tensor>
    {
        public readonly Conv2d conv1;
        public readonly Conv2d conv2;
        public readonly Linear fc1;
        public readonly Linear fc2;
        public readonly Linear fc3;

        public SeedNet(int input = 16, int c1 = 4, int c2 = 8, int hidden1 = 32, int hidden2 = 16, int classes = 101)
            : base(nameof(SeedNet))
        {
            int side = ((input - 2) / 2 - 2) / 2;
            conv1 = Conv2d(3, c1, 3);
            conv2 = Conv2d(c1, c2, 3);
            fc1 = Linear(c2 * side * side, hidden1);
            fc2 = Linear(hidden1, hidden2);
            fc3 = Linear(hidden2, classes);
            register_module(nameof(conv1), conv1);
            register_module(nameof(conv2), conv2);
            register_module(nameof(fc1), fc1);
            register_module(nameof(fc2), fc2);
            register_module(nameof(fc3), fc3);
        }

        public override Tensor forward(Tensor x)
        {
            using var scope = NewDisposeScope();
            var y = functional.max_pool2d(functional.relu(conv1.forward(x)), 2, 2);
            y = functional.max_pool2d(functional.relu(conv2.forward(y)), 2, 2);
            y = y.flatten(1);
            y = functional.relu(fc1.forward(y));
            y = functional.relu(fc2.forward(y));
            return fc3.forward(y).MoveToOuterDisposeScope();
        }
    }

    /// <summary>A module with one Linear and one BatchNorm, for parameter and buffer cases.</summary>
    internal sealed class LinearBn : Module<Tensor, Tensor>
    {
        public readonly Linear fc;
        public readonly BatchNorm1d bn;

        public LinearBn(int inFeatures = 4, int outFeatures = 3) : base(nameof(LinearBn))
        {
            fc = Linear(inFeatures, outFeatures);
            bn = BatchNorm1d(outFeatures);
            register_module(nameof(fc), fc);
            register_module(nameof(bn), bn);
        }

        public override Tensor forward(Tensor x) => bn.forward(fc.forward(x));
    }

    /// <summary>A plain container whose tree of parameters and buffers is built from a PyTorch manifest.</summary>
    internal sealed class StateTree : nn.Module
    {
        private readonly Dictionary<string, StateTree> _children = new();

        public StateTree(string name) : base(name)
        {
        }

        /// <summary>Builds the tree for a <c>*.manifest.json</c> fixture: weight/bias are parameters, the rest buffers.</summary>
        public static StateTree FromManifest(string path)
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = new StateTree("root");
            foreach (var entry in document.RootElement.GetProperty("entries").EnumerateArray())
            {
                string key = entry[0].GetString()!;
                var shape = new List<long>();
                foreach (var dimension in entry[1].EnumerateArray())
                {
                    shape.Add(dimension.GetInt64());
                }

                var dtype = entry[2].GetString() == "int64" ? ScalarType.Int64 : ScalarType.Float32;
                root.Add(key.Split('.'), 0, shape.ToArray(), dtype);
            }

            return root;
        }

        /// <summary>A tree holding one zero tensor per (key, shape): weight/bias are parameters, the rest buffers.</summary>
        public static StateTree FromShapes(IEnumerable<(string Key, long[] Shape)> entries, ScalarType dtype = ScalarType.Float32)
        {
            var root = new StateTree("root");
            foreach (var (key, shape) in entries)
            {
                root.Add(key.Split('.'), 0, shape, dtype);
            }

            return root;
        }

        private void Add(string[] path, int depth, long[] shape, ScalarType dtype)
        {
            string name = path[depth];
            if (depth == path.Length - 1)
            {
                var tensor = zeros(shape, dtype);
                if (name is "weight" or "bias")
                {
                    register_parameter(name, new Parameter(tensor));
                }
                else
                {
                    register_buffer(name, tensor);
                }

                return;
            }

            if (!_children.TryGetValue(name, out var child))
            {
                child = new StateTree(name);
                _children.Add(name, child);
                register_module(name, child);
            }

            child.Add(path, depth + 1, shape, dtype);
        }
    }

    internal static class Fixtures
    {
        public static string PyTorch(string name) => Path.Combine(System.AppContext.BaseDirectory, "Fixtures", "pytorch", name);

        public static Dictionary<string, Tensor> SnapshotState(nn.Module module)
        {
            var copy = new Dictionary<string, Tensor>();
            foreach (var (key, tensor) in module.OrderedStateDict())
            {
                copy[key] = tensor.detach().clone();
            }

            return copy;
        }
    }
}
