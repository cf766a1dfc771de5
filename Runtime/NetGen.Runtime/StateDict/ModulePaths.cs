using System;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>Finds the dotted PyTorch path of a submodule instance, e.g. <c>layer1.0.left</c>.</summary>
    public static class ModulePaths
    {
        /// <summary>
        /// The path of <paramref name="member"/> inside <paramref name="root"/>, found by reference, so a typed
        /// property such as <c>model.fc3</c> names its keys rename-safely. The root itself has the empty path.
        /// </summary>
        /// <exception cref="ArgumentException"><paramref name="member"/> is not registered under <paramref name="root"/>.</exception>
        public static string PathOf(nn.Module root, nn.Module member)
        {
            ArgumentNullException.ThrowIfNull(root);
            ArgumentNullException.ThrowIfNull(member);
            if (ReferenceEquals(root, member))
            {
                return "";
            }

            foreach (var (name, module) in root.named_modules())
            {
                if (ReferenceEquals(module, member))
                {
                    return name;
                }
            }

            throw new ArgumentException(
                $"The {member.GetType().Name} is not a registered submodule of this {root.GetType().Name}.", nameof(member));
        }

        /// <summary>True when <paramref name="key"/> is <paramref name="path"/> or lies under it (<c>fc3</c> covers <c>fc3.weight</c>, not <c>fc30.weight</c>).</summary>
        public static bool Covers(string path, string key) =>
            path.Length == 0 || key == path || (key.Length > path.Length && key[path.Length] == '.' && key.StartsWith(path, StringComparison.Ordinal));
    }
}
