using NetGen.Generator.Expressions;
using NetGen.Generator.Model;

namespace NetGen.Generator.Emitting;

/// <summary>
/// Writes the construction of a Sequential built child by child, as PyTorch code appends to a list: for each row of a
/// stage table (or once), each child whose <c>When</c> holds, under the next free index. The loop's names are locals
/// named as declared, so the children's arguments read them as they read the constructor's parameters.
/// </summary>
internal static class StageEmitter
{
    public static void Emit(SourceWriter writer, MemberSpec member, string field)
    {
        writer.Line($"{field} = global::TorchSharp.torch.nn.Sequential();");
        writer.OpenBlock($"// {member.Name}: each child under the next free index");
        writer.Line("var __child = 0;");
        if (member.ForEach is { } table)
        {
            if (table.Carry is { } carry)
            {
                writer.Line($"var @{carry} = (int)({table.Start.ToCSharp()});");
            }

            writer.Line($"var __rows = {table.Table};");
            var index = table.Index is null ? "__row" : "@" + table.Index;
            writer.OpenBlock($"for (var {index} = 0; {index} < __rows.Length; {index}++)");
            writer.Line($"var @{table.Item} = __rows[{index}];");
            EmitChildren(writer, member, field);
            if (table.Carry is { } name)
            {
                writer.Line($"@{name} = {ExpressionText.ToCSharp(table.Next!, n => "@" + n)};");
            }

            writer.CloseBlock();
        }
        else
        {
            EmitChildren(writer, member, field);
        }

        writer.CloseBlock();
    }

    private static void EmitChildren(SourceWriter writer, MemberSpec member, string field)
    {
        foreach (var layer in member.Layers)
        {
            // A named child still counts: the next unnamed one is named str(len(self)), as in PyTorch's Sequential.append.
            var append = layer.Name is { } name
                ? $"{{ {field}.append(\"{name}\", {LayerFactoryEmitter.Create(layer)}); __child++; }}"
                : $"{field}.append((__child++).ToString(global::System.Globalization.CultureInfo.InvariantCulture), {LayerFactoryEmitter.Create(layer)});";
            writer.Line(layer.When is null ? append : $"if ({ExpressionText.ToCSharp(layer.When, n => "@" + n)}) {append}");
        }
    }
}
