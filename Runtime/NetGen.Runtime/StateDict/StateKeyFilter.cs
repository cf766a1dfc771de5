using System;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Chooses which state-dict keys a load touches. Members are named by module path (<c>"fc3"</c>,
    /// <c>"layer1"</c>) or, rename-safely, by the submodule instance (<c>model.fc3</c>).
    /// </summary>
    public sealed class StateKeyFilter
    {
        private readonly Func<string, bool> _includes;
        private readonly string _description;

        private StateKeyFilter(Func<string, bool> includes, string description)
        {
            _includes = includes;
            _description = description;
        }

        /// <summary>Every key.</summary>
        public static StateKeyFilter All { get; } = new(_ => true, "all keys");

        /// <summary>Only keys under these module paths or keys.</summary>
        public static StateKeyFilter Only(params string[] paths)
        {
            var copy = paths.ToArray();
            return new(key => copy.Any(path => ModulePaths.Covers(path, key)), $"only {string.Join(", ", copy)}");
        }

        /// <summary>Every key except those under these module paths or keys.</summary>
        public static StateKeyFilter Except(params string[] paths)
        {
            var copy = paths.ToArray();
            return new(key => !copy.Any(path => ModulePaths.Covers(path, key)), $"all except {string.Join(", ", copy)}");
        }

        /// <summary>Only keys of these submodules of <paramref name="root"/>, e.g. <c>Only(model, model.layer1, model.layer2)</c>.</summary>
        public static StateKeyFilter Only(nn.Module root, params nn.Module[] members) =>
            Only(members.Select(member => ModulePaths.PathOf(root, member)).ToArray());

        /// <summary>Every key except those of these submodules of <paramref name="root"/>, e.g. <c>Except(model, model.fc3)</c>.</summary>
        public static StateKeyFilter Except(nn.Module root, params nn.Module[] members) =>
            Except(members.Select(member => ModulePaths.PathOf(root, member)).ToArray());

        /// <summary>Keys for which <paramref name="predicate"/> is true.</summary>
        public static StateKeyFilter Where(Func<string, bool> predicate, string description = "custom predicate")
        {
            ArgumentNullException.ThrowIfNull(predicate);
            return new(predicate, description);
        }

        /// <summary>Whether the key takes part.</summary>
        public bool Includes(string key) => _includes(key);

        /// <summary>Keys both filters include.</summary>
        public StateKeyFilter And(StateKeyFilter other) =>
            new(key => _includes(key) && other.Includes(key), $"{_description} and {other._description}");

        /// <summary>A description such as <c>all except fc3</c>.</summary>
        public override string ToString() => _description;
    }
}
