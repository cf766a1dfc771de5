using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>A one-level U-Net: the decoder takes the upsampled features concatenated with the encoder's skip.</summary>
[Model(Input = [1, 8, 8])]
public partial class TinyUNet : nn.Module<Tensor, Tensor>
{
    public partial TinyUNet(int inChannels = 1, int width = 8, int width2 = 16, int classes = 2);

    [Conv2d("inChannels", "width", 3, Padding = 1), BatchNorm2d("width"), ReLU]
    public partial Sequential enc1 { get; }

    [MaxPool2d(2)]
    public partial MaxPool2d pool { get; }

    [Conv2d("width", "width2", 3, Padding = 1), BatchNorm2d("width2"), ReLU]
    public partial Sequential enc2 { get; }

    [ConvTranspose2d("width2", "width", 2, Stride = 2)]
    public partial ConvTranspose2d up { get; }

    // The skip doubles the channels: width from the encoder plus width from the upsampling.
    [Conv2d("width2", "width", 3, Padding = 1), BatchNorm2d("width"), ReLU]
    public partial Sequential dec1 { get; }

    [Conv2d("width", "classes", 1)]
    public partial Conv2d outc { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var skip = enc1.call(x);
        var bottom = enc2.call(pool.call(skip));
        var decoded = dec1.call(cat(new[] { up.call(bottom), skip }, 1));
        return outc.call(decoded).MoveToOuterDisposeScope();
    }
}
