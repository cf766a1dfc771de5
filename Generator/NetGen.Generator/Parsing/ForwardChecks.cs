using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Diagnostics;
using NetGen.Generator.Model;

namespace NetGen.Generator.Parsing;

/// <summary>
/// Whether the declared wiring and the forward agree: the generated forward calls every declared member
/// with one tensor, so members it cannot call need a hand-written forward; a hand-written forward makes the
/// wiring attributes meaningless, so they are refused rather than silently ignored.
/// </summary>
internal static class ForwardChecks
{
    public static void Check(string model, bool declaresForward, IReadOnlyList<MemberSpec> members, ResidualSpec? residual, LocationInfo? modelLocation, List<DiagnosticInfo> diagnostics)
    {
        if (declaresForward)
        {
            // The model works as its forward says; the attribute is dead, which the user should know.
            if (residual is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WiringIgnored, modelLocation, "[Residual]", model));
            }

            foreach (var auxiliary in members.Where(m => m.IsAuxiliary))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WiringIgnored, auxiliary.Location, $"[Auxiliary] on '{auxiliary.Name}'", model));
            }

            foreach (var span in members.Where(m => m.Residual is not null))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WiringIgnored, span.Location, $"[Residual] on '{span.Name}'", model));
            }

            foreach (var parameter in members.Where(m => m.Use is not null))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WiringIgnored, parameter.Location, $"Use = ParameterUse.{parameter.Use!.Kind} on '{parameter.Name}'", model));
            }

            foreach (var branch in members.Where(m => m.BranchDim is not null))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WiringIgnored, branch.Location, $"[Branch] on '{branch.Name}'", model));
            }

            // Functional ops around a member's module run only in the generated forward: a hand-written
            // one calls the module alone, so `[Conv2d, ReLU]` would silently lose its ReLU.
            foreach (var member in members.Where(m => m.Kind is MemberKind.Layer or MemberKind.Block))
            {
                foreach (var op in member.Layers.Where((_, i) => member.Kind == MemberKind.Block || i != member.ModuleIndex))
                {
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.WiringIgnored, op.Location ?? member.Location, $"[{op.Kind}] on '{member.Name}'", model));
                }
            }

            return;
        }

        foreach (var member in members.Where(m => m.Kind != MemberKind.Field && !m.IsAuxiliary))
        {
            var why = member.Kind == MemberKind.Parameter && member.Use is null
                ? "it is a learnable tensor, not a layer, and its [Parameter] has no Use (ParameterUse.Add or Prepend) for the generated forward"
                : member.Kind != MemberKind.Parameter && !member.TakesOneTensor ? $"'{member.TypeName.Replace("global::", "")}' does not map one tensor to one tensor" : null;
            if (why is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NeedsHandWrittenForward, member.Location, member.Name, why));
            }
        }
    }
}
