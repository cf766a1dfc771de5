using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Builds a generated model's <see cref="IStateSchema.StateSchema"/>. The generated code lists the
    /// entries NetGen knows at compile time (key, shape, kind); a child that describes itself (a NetGen block,
    /// from this assembly or another) is asked; any other module is read the way PyTorch's
    /// <c>state_dict()</c> walks it. Dtype and device always come from the live tensor, so the schema follows
    /// <c>.to(float64)</c>, <c>.half()</c> and devices.
    /// </summary>
    public sealed class StateSchemaBuilder
    {
        private readonly nn.Module _module;
        private readonly List<StateEntry> _entries = new();
        private Dictionary<string, Tensor>? _live;

        /// <summary>A builder for <paramref name="module"/>'s schema, reading dtypes and devices from its live tensors.</summary>
        public StateSchemaBuilder(nn.Module module) => _module = module ?? throw new ArgumentNullException(nameof(module));

        /// <summary>The entries in the order they were added, which the generated code makes PyTorch's.</summary>
        public IReadOnlyList<StateEntry> Entries => _entries;

        /// <summary>A parameter whose shape NetGen computed at compile time.</summary>
        public void Parameter(string key, params long[] shape) => Add(key, shape, StateEntryKind.Parameter);

        /// <summary>A persistent buffer (such as BatchNorm's running statistics) whose shape NetGen computed.</summary>
        public void Buffer(string key, params long[] shape) => Add(key, shape, StateEntryKind.Buffer);

        /// <summary>A parameter or buffer whose shape is not known at compile time: it is read from the module.</summary>
        public void Parameter(string key, bool live) => AddLive(key, StateEntryKind.Parameter);

        /// <inheritdoc cref="Parameter(string, bool)"/>
        public void Buffer(string key, bool live) => AddLive(key, StateEntryKind.Buffer);

        /// <summary>A parameter the user keeps in a field of the model: read from the tensor itself.</summary>
        public void OwnParameter(string key, Tensor? parameter)
        {
            if (parameter is not null)
            {
                _entries.Add(StateEntry.Of(key, parameter, StateEntryKind.Parameter));
            }
        }

        /// <summary>Every entry of a child module, under its name: its own schema if it has one, else walked as PyTorch does.</summary>
        public void Module(string name, nn.Module? child)
        {
            if (child is not null)
            {
                ModuleState.Append(child, name + ".", _entries);
            }
        }

        private void Add(string key, long[] shape, StateEntryKind kind)
        {
            var tensor = Live.TryGetValue(key, out var found) ? found : null;
            _entries.Add(new StateEntry(key, shape, tensor?.dtype ?? ScalarType.Float32, kind) { Device = tensor?.device_type });
        }

        private void AddLive(string key, StateEntryKind kind)
        {
            if (!Live.TryGetValue(key, out var tensor))
            {
                throw new InvalidOperationException($"'{_module.GetType().Name}' has no state entry '{key}', but its generated schema lists it.");
            }

            _entries.Add(StateEntry.Of(key, tensor, kind));
        }

        private Dictionary<string, Tensor> Live => _live ??= LiveTensors(_module);

        private static Dictionary<string, Tensor> LiveTensors(nn.Module module)
        {
            var live = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var (name, parameter) in module.named_parameters())
            {
                live[name] = parameter;
            }

            foreach (var (name, buffer) in module.named_buffers())
            {
                live[name] = buffer;
            }

            return live;
        }
    }
}
