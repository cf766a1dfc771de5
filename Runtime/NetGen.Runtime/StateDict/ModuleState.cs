using System;
using System.Collections.Generic;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// A model's state-dict entries in PyTorch's order, each with the live tensor that holds it. Generated
    /// models describe themselves through <see cref="IStateSchema"/>; any other module is walked the way
    /// PyTorch's <c>state_dict()</c> walks it: own parameters, own persistent buffers, then each child.
    /// (TorchSharp's own <c>state_dict()</c> lists all parameters before all buffers.)
    /// </summary>
    internal static class ModuleState
    {
        public static List<(StateEntry Entry, Tensor Tensor)> Describe(nn.Module module)
        {
            var walked = new List<(StateEntry Entry, Tensor Tensor)>();
            Walk(module, "", walked);
            if (module is not IStateSchema schema)
            {
                return walked;
            }

            var byKey = new Dictionary<string, Tensor>(StringComparer.Ordinal);
            foreach (var (entry, tensor) in walked)
            {
                byKey[entry.Key] = tensor;
            }

            // The schema's keys and shapes are what NetGen declared; the module must hold exactly those.
            var entries = schema.StateSchema;
            var result = new List<(StateEntry Entry, Tensor Tensor)>(entries.Count);
            foreach (var entry in entries)
            {
                if (!byKey.Remove(entry.Key, out var tensor))
                {
                    throw new InvalidOperationException(
                        $"{module.GetType().Name}'s state schema lists '{entry.Key}', which the module does not register.");
                }

                if (!TensorShapes.Equal(entry.Shape, tensor.shape))
                {
                    throw new InvalidOperationException(
                        $"{module.GetType().Name}'s state schema says '{entry.Key}' is {TensorShapes.Format(entry.Shape)}, "
                        + $"but the module holds {TensorShapes.Format(tensor.shape)}.");
                }

                result.Add((StateEntry.Of(entry.Key, tensor, entry.Kind), tensor));
            }

            if (byKey.Count > 0)
            {
                throw new InvalidOperationException(
                    $"{module.GetType().Name} registers '{string.Join("', '", byKey.Keys)}', which its state schema does not list.");
            }

            return result;
        }

        /// <summary>
        /// The entries of <paramref name="module"/> under <paramref name="prefix"/>: its own schema if it has one,
        /// else its own parameters and buffers, then each child likewise.
        /// </summary>
        public static void Append(nn.Module module, string prefix, List<StateEntry> entries)
        {
            if (module is IStateSchema schema)
            {
                foreach (var entry in schema.StateSchema)
                {
                    entries.Add(entry.WithPrefix(prefix));
                }

                return;
            }

            foreach (var (name, parameter) in module.named_parameters(recurse: false))
            {
                entries.Add(StateEntry.Of(prefix + name, parameter, StateEntryKind.Parameter));
            }

            foreach (var (name, buffer) in module.named_buffers(recurse: false, include_nonpersistent: false))
            {
                entries.Add(StateEntry.Of(prefix + name, buffer, StateEntryKind.Buffer));
            }

            foreach (var (name, child) in module.named_children())
            {
                Append(child, prefix + name + ".", entries);
            }
        }

        private static void Walk(nn.Module module, string prefix, List<(StateEntry Entry, Tensor Tensor)> result)
        {
            foreach (var (name, parameter) in module.named_parameters(recurse: false))
            {
                result.Add((StateEntry.Of(prefix + name, parameter, StateEntryKind.Parameter), parameter));
            }

            foreach (var (name, buffer) in module.named_buffers(recurse: false, include_nonpersistent: false))
            {
                result.Add((StateEntry.Of(prefix + name, buffer, StateEntryKind.Buffer), buffer));
            }

            foreach (var (name, child) in module.named_children())
            {
                Walk(child, $"{prefix}{name}.", result);
            }
        }
    }
}
