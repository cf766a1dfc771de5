using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

/// <summary>
/// torchvision's <c>Inception3</c>, <c>inception_v3(weights=None)</c> (torchvision 0.14): a stem of five
/// <see cref="BasicConv2d"/>s and two max pools, three <see cref="InceptionA"/>, an <see cref="InceptionB"/>, four
/// <see cref="InceptionC"/>, an <see cref="InceptionD"/> and two <see cref="InceptionE"/> modules, global average pooling,
/// dropout and the classifier, for N×3×299×299 inputs. <c>AuxLogits</c> is <c>[Auxiliary]</c>: it is in the state dict
/// where torchvision has it (between <c>Mixed_6e</c> and <c>Mixed_7a</c>), and the generated forward does not run it, as
/// torchvision's eval forward does not; <c>auxLogits: false</c> leaves it out, as <c>aux_logits=False</c> does.
/// <c>transform_input</c> is not a hyperparameter: it is false for <c>weights=None</c> (torchvision sets it only with
/// its pretrained weights), and an input so transformed can be passed instead. Its state dict is torchvision's, key for key.
/// </summary>
[Model(Input = [3, 299, 299])]
public partial class InceptionV3 : nn.Module<Tensor, Tensor>
{
    public partial InceptionV3(int numClasses = 1000, bool auxLogits = true, double dropout = 0.5);

    [Block(3, 32, 3, 2)]
    public partial BasicConv2d Conv2d_1a_3x3 { get; }

    [Block(32, 32, 3)]
    public partial BasicConv2d Conv2d_2a_3x3 { get; }

    [Block(32, 64, 3, 1, 1)]
    public partial BasicConv2d Conv2d_2b_3x3 { get; }

    [MaxPool2d(3, Stride = 2)]
    public partial MaxPool2d maxpool1 { get; }

    [Block(64, 80, 1)]
    public partial BasicConv2d Conv2d_3b_1x1 { get; }

    [Block(80, 192, 3)]
    public partial BasicConv2d Conv2d_4a_3x3 { get; }

    [MaxPool2d(3, Stride = 2)]
    public partial MaxPool2d maxpool2 { get; }

    [Block(192, 32)]
    public partial InceptionA Mixed_5b { get; }

    [Block(256, 64)]
    public partial InceptionA Mixed_5c { get; }

    [Block(288, 64)]
    public partial InceptionA Mixed_5d { get; }

    [Block(288)]
    public partial InceptionB Mixed_6a { get; }

    [Block(768, 128)]
    public partial InceptionC Mixed_6b { get; }

    [Block(768, 160)]
    public partial InceptionC Mixed_6c { get; }

    [Block(768, 160)]
    public partial InceptionC Mixed_6d { get; }

    [Block(768, 192)]
    public partial InceptionC Mixed_6e { get; }

    [Block(768, "numClasses"), Auxiliary, When("auxLogits")]
    public partial InceptionV3Aux? AuxLogits { get; }

    [Block(768)]
    public partial InceptionD Mixed_7a { get; }

    [Block(1280)]
    public partial InceptionE Mixed_7b { get; }

    [Block(2048)]
    public partial InceptionE Mixed_7c { get; }

    [AdaptiveAvgPool2d(1)]
    public partial AdaptiveAvgPool2d avgpool { get; }

    [Dropout("dropout"), Flatten]
    public partial Dropout dropout { get; }

    [Linear(2048, "numClasses")]
    public partial Linear fc { get; }
}
