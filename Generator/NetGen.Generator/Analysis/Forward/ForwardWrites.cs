using System.Collections.Generic;
using System.Linq;
using NetGen.Generator.Model;

namespace NetGen.Generator.Analysis;

/// <summary>The locals a block of forward statements may change: those it assigns, and the lists it adds to.</summary>
internal static class ForwardWrites
{
    public static IEnumerable<string> Of(EquatableArray<ForwardStatement> body)
    {
        var names = new SortedSet<string>(System.StringComparer.Ordinal);
        foreach (var statement in body)
        {
            Add(statement, names);
        }

        return names;
    }

    private static void Add(ForwardStatement statement, SortedSet<string> names)
    {
        switch (statement)
        {
            case AssignStatement assign:
                names.Add(assign.Local);
                Add(assign.Value, names);
                break;
            case DeconstructStatement deconstruct:
                names.UnionWith(deconstruct.Locals.Where(n => n.Length > 0));
                Add(deconstruct.Value, names);
                break;
            case EvaluateStatement evaluate:
                Add(evaluate.Value, names);
                break;
            case ReturnStatement { Value: { } value }:
                Add(value, names);
                break;
            case IfStatement branch:
                Add(branch.Condition, names);
                names.UnionWith(Of(branch.Then));
                names.UnionWith(Of(branch.Else));
                break;
            case ForEachStatement loop:
                names.Add(loop.Local);
                names.UnionWith(Of(loop.Body));
                break;
            case ForStatement loop:
                names.Add(loop.Local);
                names.UnionWith(Of(loop.Body));
                break;
            case OpaqueLoopStatement loop:
                names.UnionWith(loop.Writes);
                names.UnionWith(Of(loop.Body));
                break;
            case UnknownStatement unknown:
                names.UnionWith(unknown.Writes);
                break;
        }
    }

    /// <summary>Lists changed by a collection method (<c>features.Add(t)</c>) and locals an unmodelled expression may change.</summary>
    private static void Add(ForwardExpr expression, SortedSet<string> names)
    {
        switch (expression)
        {
            case CallExpr { Family: CallFamily.Collection, Receiver: LocalRef list } call:
                names.Add(list.Name);
                foreach (var arg in call.Args)
                {
                    Add(arg.Value, names);
                }

                break;
            case CallExpr call:
                if (call.Receiver is LocalRef tensor && call.Name.EndsWith("_", System.StringComparison.Ordinal))
                {
                    // An in-place operation (x.unsqueeze_(0)) may change the tensor's shape.
                    names.Add(tensor.Name);
                }

                if (call.Receiver is { } receiver)
                {
                    Add(receiver, names);
                }

                foreach (var arg in call.Args)
                {
                    Add(arg.Value, names);
                }

                break;
            case UnknownExpr unknown:
                names.UnionWith(unknown.Havoc);
                break;
            case ModuleCallExpr call:
                foreach (var arg in call.Args)
                {
                    Add(arg, names);
                }

                break;
            case HelperCallExpr call:
                // A method of the model may add to a list it is passed, or change a tensor in place.
                foreach (var arg in call.Args)
                {
                    if (arg is LocalRef passed)
                    {
                        names.Add(passed.Name);
                    }

                    Add(arg, names);
                }

                break;
            case BinaryExpr binary:
                Add(binary.Left, names);
                Add(binary.Right, names);
                break;
            case ConditionalExpr conditional:
                Add(conditional.Condition, names);
                Add(conditional.WhenTrue, names);
                Add(conditional.WhenFalse, names);
                break;
        }
    }
}
