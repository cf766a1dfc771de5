using System.Collections.Generic;
using System.Linq;
using static TorchSharp.torch;

namespace NetGen
{
    /// <summary>
    /// Freezing and unfreezing by member: pass the member itself (<c>model.conv1.Freeze()</c>), so the call is
    /// typed and follows renames.
    /// </summary>
    public static class FreezeExtensions
    {
        /// <summary>Sets <c>requires_grad = false</c> on every parameter of <paramref name="member"/> and its children.</summary>
        public static void Freeze(this nn.Module member) => SetRequiresGrad(member, false);

        /// <summary>Sets <c>requires_grad = true</c> on every parameter of <paramref name="member"/> and its children.</summary>
        public static void Unfreeze(this nn.Module member) => SetRequiresGrad(member, true);

        /// <summary>Freezes the whole model, then unfreezes the given members of it (e.g. the new head).</summary>
        public static void FreezeAllExcept(this nn.Module model, params nn.Module[] trainable)
        {
            foreach (var member in trainable)
            {
                ModulePaths.PathOf(model, member);
            }

            model.Freeze();
            foreach (var member in trainable)
            {
                member.Unfreeze();
            }
        }

        /// <summary>True when no parameter of <paramref name="member"/> requires a gradient.</summary>
        public static bool IsFrozen(this nn.Module member) => member.parameters().All(parameter => !parameter.requires_grad);

        private static void SetRequiresGrad(nn.Module member, bool requiresGrad)
        {
            foreach (var parameter in member.parameters())
            {
                parameter.requires_grad = requiresGrad;
            }
        }

        internal static IEnumerable<TorchSharp.Modules.Parameter> Distinct(IEnumerable<TorchSharp.Modules.Parameter> parameters) =>
            parameters.Distinct(ReferenceEqualityComparer.Instance).Cast<TorchSharp.Modules.Parameter>();
    }
}
