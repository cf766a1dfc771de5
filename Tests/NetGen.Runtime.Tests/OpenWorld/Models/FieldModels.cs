using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.OpenWorld.Models;

/// <summary>
/// LeNet-5 as the PyTorch tutorial writes it and a TorchSharp user ports it: every layer in a readonly field built by
/// TorchSharp's own factory, no NetGen layer attribute, and a hand-written forward. NetGen reads each initializer, so
/// the model is checked and counted at compile time as if it had been declared with attributes.
/// </summary>
[Model(Input = [1, 32, 32])]
public partial class FieldLeNet : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d conv1 = nn.Conv2d(1, 6, 5);
    private readonly Conv2d conv2 = nn.Conv2d(6, 16, 5);
    private readonly MaxPool2d pool = nn.MaxPool2d(2);
    private readonly Linear fc1 = nn.Linear(16 * 5 * 5, 120);
    private readonly Linear fc2 = nn.Linear(120, 84);
    private readonly Linear fc3 = nn.Linear(84, 10);

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        x = pool.call(nn.functional.relu(conv1.call(x)));
        x = pool.call(nn.functional.relu(conv2.call(x)));
        x = x.flatten(1);
        x = nn.functional.relu(fc1.call(x));
        x = nn.functional.relu(fc2.call(x));
        return fc3.call(x).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// One field of each kind whose initializer NetGen reads, written the ways TorchSharp allows: a tuple kernel, a
/// positional stride, an array, a scalar normalized shape, named flags. The test compares each row with the live module.
/// </summary>
[Model(Input = [3, 16, 16])]
public partial class FieldZoo : nn.Module<Tensor, Tensor>
{
    private readonly Conv2d stem = nn.Conv2d(3, 8, (3, 3), stride: (2, 2), padding: (1, 1), bias: false);
    private readonly BatchNorm2d norm = nn.BatchNorm2d(8, eps: 1e-3);
    private readonly LeakyReLU act = nn.LeakyReLU(0.1);
    private readonly Conv2d expand = nn.Conv2d(8, 16, 3, 1, 1);
    private readonly GroupNorm groups = nn.GroupNorm(4, 16);
    private readonly PReLU prelu = nn.PReLU(16);
    private readonly AvgPool2d avg = nn.AvgPool2d(new long[] { 2, 2 });
    private readonly AdaptiveAvgPool2d squeeze = nn.AdaptiveAvgPool2d(1);
    private readonly Flatten flat = nn.Flatten();
    private readonly LayerNorm layerNorm = nn.LayerNorm(16);
    private readonly Linear head = nn.Linear(16, 5, hasBias: false);
    private readonly LogSoftmax logits = nn.LogSoftmax(1);

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        x = act.call(norm.call(stem.call(x)));
        x = prelu.call(groups.call(expand.call(x)));
        x = flat.call(squeeze.call(avg.call(x)));
        return logits.call(head.call(layerNorm.call(x))).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// The seed's <c>Net</c> (at 32×32, as the <c>net32</c> fixture was made) ported line by line from PyTorch: the layers in
/// fields, and the forward assigning <c>x</c> at each step, as <c>seed_models.py</c> does. PyTorch's checkpoint loads into it.
/// </summary>
[Model(Input = [3, 32, 32])]
public partial class FieldSeedNet : nn.Module<Tensor, Tensor>
{
    private const int Flat = 64 * 6 * 6;
    private readonly Conv2d conv1 = nn.Conv2d(in_channels: 3, out_channels: 32, kernel_size: (3, 3));
    private readonly MaxPool2d pool1 = nn.MaxPool2d(kernel_size: 2, stride: 2);
    private readonly Conv2d conv2 = nn.Conv2d(in_channels: 32, out_channels: 64, kernel_size: 3);
    private readonly MaxPool2d pool2 = nn.MaxPool2d(2, 2);
    private readonly Linear fc1 = nn.Linear(Flat, 256);
    private readonly Linear fc2 = nn.Linear(256, 128);
    private readonly Linear fc3 = nn.Linear(128, 10);

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        x = pool1.call(nn.functional.relu(conv1.call(x)));
        x = pool2.call(nn.functional.relu(conv2.call(x)));
        x = x.view(-1, Flat);
        x = nn.functional.relu(fc1.call(x));
        x = nn.functional.relu(fc2.call(x));
        x = fc3.call(x);
        return x.MoveToOuterDisposeScope();
    }
}
