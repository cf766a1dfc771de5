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

/// <summary>
/// The MNIST model as TorchSharp's own examples write it: every field typed <c>Module&lt;Tensor, Tensor&gt;</c>, not
/// readonly, built by the factories under <c>using static TorchSharp.torch.nn</c>, and called with <c>forward</c>. The
/// fields are private and nothing assigns them again, so each holds what its initializer built.
/// </summary>
[Model(Input = [1, 28, 28])]
public partial class ExamplesMnist : nn.Module<Tensor, Tensor>
{
    private nn.Module<Tensor, Tensor> conv1 = nn.Conv2d(1, 32, 3);
    private nn.Module<Tensor, Tensor> conv2 = nn.Conv2d(32, 64, 3);
    private nn.Module<Tensor, Tensor> fc1 = nn.Linear(9216, 128);
    private nn.Module<Tensor, Tensor> fc2 = nn.Linear(128, 10);
    private nn.Module<Tensor, Tensor> pool1 = nn.MaxPool2d(kernel_size: new long[] { 2, 2 });
    private nn.Module<Tensor, Tensor> relu1 = nn.ReLU();
    private nn.Module<Tensor, Tensor> relu2 = nn.ReLU();
    private nn.Module<Tensor, Tensor> relu3 = nn.ReLU();
    private nn.Module<Tensor, Tensor> dropout1 = nn.Dropout(0.25);
    private nn.Module<Tensor, Tensor> dropout2 = nn.Dropout(0.5);
    private nn.Module<Tensor, Tensor> flatten = nn.Flatten();
    private nn.Module<Tensor, Tensor> logsm = nn.LogSoftmax(1);

    public override Tensor forward(Tensor input)
    {
        var l11 = conv1.forward(input);
        var l12 = relu1.forward(l11);
        var l21 = conv2.forward(l12);
        var l22 = relu2.forward(l21);
        var l23 = pool1.forward(l22);
        var l24 = dropout1.forward(l23);
        var x = flatten.forward(l24);
        var l31 = fc1.forward(x);
        var l32 = relu3.forward(l31);
        var l33 = dropout2.forward(l32);
        var l41 = fc2.forward(l33);
        return logsm.forward(l41);
    }
}

/// <summary>
/// TorchSharp's CIFAR-10 AlexNet example, its two Sequentials built from named children in field initializers (the
/// example builds them in its constructor, which NetGen writes), the classifier narrowed from 4,096 to 512 features.
/// </summary>
[Model(Input = [3, 32, 32])]
public partial class ExamplesAlexNet : nn.Module<Tensor, Tensor>
{
    private readonly nn.Module<Tensor, Tensor> features = nn.Sequential(
        ("c1", nn.Conv2d(3, 64, kernel_size: 3, stride: 2, padding: 1)),
        ("r1", nn.ReLU(inplace: true)),
        ("mp1", nn.MaxPool2d(kernel_size: new long[] { 2, 2 })),
        ("c2", nn.Conv2d(64, 192, kernel_size: 3, padding: 1)),
        ("r2", nn.ReLU(inplace: true)),
        ("mp2", nn.MaxPool2d(kernel_size: new long[] { 2, 2 })),
        ("c3", nn.Conv2d(192, 384, kernel_size: 3, padding: 1)),
        ("r3", nn.ReLU(inplace: true)),
        ("c4", nn.Conv2d(384, 256, kernel_size: 3, padding: 1)),
        ("r4", nn.ReLU(inplace: true)),
        ("c5", nn.Conv2d(256, 256, kernel_size: 3, padding: 1)),
        ("r5", nn.ReLU(inplace: true)),
        ("mp3", nn.MaxPool2d(kernel_size: new long[] { 2, 2 })));

    private readonly nn.Module<Tensor, Tensor> avgPool = nn.AdaptiveAvgPool2d(new long[] { 2, 2 });

    private readonly nn.Module<Tensor, Tensor> classifier = nn.Sequential(
        nn.Dropout(),
        nn.Linear(256 * 2 * 2, 512),
        nn.ReLU(inplace: true),
        nn.Dropout(),
        nn.Linear(512, 512),
        nn.ReLU(inplace: true),
        nn.Linear(512, 10));

    public override Tensor forward(Tensor input)
    {
        var f = features.forward(input);
        var avg = avgPool.forward(f);
        var x = avg.view(new long[] { avg.shape[0], 256 * 2 * 2 });
        return classifier.forward(x);
    }
}
