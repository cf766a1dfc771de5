using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>A learnable tensor of the model, added or prepended where it is declared (<c>[Parameter(Use = …)]</c>).</summary>
internal sealed partial class ForwardEmitter
{
    private string EmitParameterUse(MemberSpec member, ParameterUseSpec use, string x)
    {
        var parameter = "this." + member.BackingField;
        if (use.Kind == ParameterUseKind.Add)
        {
            return EmitStep($"{x}.add({parameter})", x, x);
        }

        if (use.Kind == ParameterUseKind.Multiply)
        {
            return EmitStep($"{parameter}.mul({x})", x, x);
        }

        // expand(batch, -1, …) repeats the first dimension, of size 1, for every sample and keeps the rest.
        var sizes = string.Join(", ", new[] { $"{x}.shape[0]" }.Concat(Enumerable.Repeat("-1L", member.ParameterShape.Count - 1)));
        var expanded = Fresh();
        _writer.Line($"var {expanded} = {parameter}.expand(new long[] {{ {sizes} }});");
        var joined = Fresh();
        _writer.Line($"var {joined} = global::TorchSharp.torch.cat(new[] {{ {expanded}, {x} }}, {use.Dim});");
        _writer.Line($"{expanded}.Dispose();");
        return joined;
    }
}
