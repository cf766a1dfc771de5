using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// torchvision's <c>_forward_impl</c> pattern and ConvNeXt's channels-first LayerNorm, written once as a method of the
/// model and called with two plain LayerNorm fields: NetGen follows both calls, so the sizes after them are inferred.
/// </summary>
[Model(Input = [3, 16, 16])]
public partial class HelperForward : nn.Module<Tensor, Tensor>
{
    public partial HelperForward(int classes = 3);

    [Conv2d(3, 8, 4, Stride = 4)] public partial Conv2d stem { get; }

    [Conv2d(16, 2, Stride = 2)] public partial Conv2d down { get; }

    [Linear("classes")] public partial Linear head { get; }

    private readonly LayerNorm stemNorm = nn.LayerNorm(8);

    private readonly LayerNorm downNorm = nn.LayerNorm(16);

    public override Tensor forward(Tensor x) => _forward_impl(x);

    private Tensor _forward_impl(Tensor x)
    {
        using var scope = NewDisposeScope();
        x = ChannelsFirst(stemNorm, stem.call(x));
        x = ChannelsFirst(downNorm, down.call(x));
        return head.call(x.mean(new long[] { -2, -1 })).MoveToOuterDisposeScope();
    }

    private static Tensor ChannelsFirst(LayerNorm norm, Tensor t) => norm.call(t.permute(0, 2, 3, 1)).permute(0, 3, 1, 2);
}
