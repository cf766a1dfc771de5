using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// Widths given as formulas of a hyperparameter, as ConvNeXt's <c>Linear(dim, 4 * dim)</c> is, with every size after
/// them omitted: the norm, then (through the hand-written forward) each Linear, takes the formula before it.
/// </summary>
[Model(Input = ["dim", 8, 8])]
public partial class FormulaWidths : nn.Module<Tensor, Tensor>
{
    public partial FormulaWidths(int dim = 4, int classes = 3);

    [Conv2d("dim", "(dim + 1) * 2", 3, Padding = 1)] [BatchNorm2d] [ReLU] public partial Sequential expand { get; }

    [Linear("dim * 4")] public partial Linear hidden { get; }

    [Linear("classes")] public partial Linear head { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        return head.call(hidden.call(expand.call(x).mean(new long[] { -2, -1 }))).MoveToOuterDisposeScope();
    }
}
