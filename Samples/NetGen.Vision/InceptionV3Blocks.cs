using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Vision;

// torchvision's Inception v3 blocks. Each branch is a run of members with torchvision's flat names (branch5x5_1, then
// branch5x5_2), so it is [Branch(Through = ...)] on its first member; torchvision's functional pools are members without
// state (avg_pool, max_pool), which add no key.

/// <summary>
/// <c>InceptionA</c> (35×35): a 1×1 conv; 1×1 then 5×5; 1×1 then two 3×3; a 3×3 average pool then a 1×1 conv to
/// <c>poolFeatures</c>; concatenated along the channels (224 + <c>poolFeatures</c>).
/// </summary>
[Model(Input = ["inp", 35, 35])]
public partial class InceptionA : nn.Module<Tensor, Tensor>
{
    public partial InceptionA(int inp = 192, int poolFeatures = 32);

    [Branch, Block("inp", 64, 1)] public partial BasicConv2d branch1x1 { get; }

    [Branch(Through = nameof(branch5x5_2)), Block("inp", 48, 1)] public partial BasicConv2d branch5x5_1 { get; }
    [Block(48, 64, 5, 1, 2)] public partial BasicConv2d branch5x5_2 { get; }

    [Branch(Through = nameof(branch3x3dbl_3)), Block("inp", 64, 1)] public partial BasicConv2d branch3x3dbl_1 { get; }
    [Block(64, 96, 3, 1, 1)] public partial BasicConv2d branch3x3dbl_2 { get; }
    [Block(96, 96, 3, 1, 1)] public partial BasicConv2d branch3x3dbl_3 { get; }

    [Branch(Through = nameof(branch_pool)), AvgPool2d(3, Stride = 1, Padding = 1)] public partial AvgPool2d avg_pool { get; }
    [Block("inp", "poolFeatures", 1)] public partial BasicConv2d branch_pool { get; }
}

/// <summary>
/// <c>InceptionB</c> (35×35 to 17×17): a 3×3 conv with stride 2; 1×1, 3×3, then 3×3 with stride 2; a 3×3 max pool with
/// stride 2; concatenated (480 + <c>inp</c> channels).
/// </summary>
[Model(Input = ["inp", 35, 35])]
public partial class InceptionB : nn.Module<Tensor, Tensor>
{
    public partial InceptionB(int inp = 288);

    [Branch, Block("inp", 384, 3, 2)] public partial BasicConv2d branch3x3 { get; }

    [Branch(Through = nameof(branch3x3dbl_3)), Block("inp", 64, 1)] public partial BasicConv2d branch3x3dbl_1 { get; }
    [Block(64, 96, 3, 1, 1)] public partial BasicConv2d branch3x3dbl_2 { get; }
    [Block(96, 96, 3, 2)] public partial BasicConv2d branch3x3dbl_3 { get; }

    [Branch, MaxPool2d(3, Stride = 2)] public partial MaxPool2d max_pool { get; }
}

/// <summary>
/// <c>InceptionC</c> (17×17): a 1×1 conv; 1×1, 1×7, 7×1; 1×1, 7×1, 1×7, 7×1, 1×7; a 3×3 average pool then a 1×1 conv;
/// 192 channels each, concatenated (768).
/// </summary>
[Model(Input = ["inp", 17, 17])]
public partial class InceptionC : nn.Module<Tensor, Tensor>
{
    public partial InceptionC(int inp = 768, int c7 = 128);

    [Branch, Block("inp", 192, 1)] public partial BasicConv2d branch1x1 { get; }

    [Branch(Through = nameof(branch7x7_3)), Block("inp", "c7", 1)] public partial BasicConv2d branch7x7_1 { get; }
    [Block("c7", "c7", 1, 7, 0, 3)] public partial AsymmetricBasicConv2d branch7x7_2 { get; }
    [Block("c7", 192, 7, 1, 3, 0)] public partial AsymmetricBasicConv2d branch7x7_3 { get; }

    [Branch(Through = nameof(branch7x7dbl_5)), Block("inp", "c7", 1)] public partial BasicConv2d branch7x7dbl_1 { get; }
    [Block("c7", "c7", 7, 1, 3, 0)] public partial AsymmetricBasicConv2d branch7x7dbl_2 { get; }
    [Block("c7", "c7", 1, 7, 0, 3)] public partial AsymmetricBasicConv2d branch7x7dbl_3 { get; }
    [Block("c7", "c7", 7, 1, 3, 0)] public partial AsymmetricBasicConv2d branch7x7dbl_4 { get; }
    [Block("c7", 192, 1, 7, 0, 3)] public partial AsymmetricBasicConv2d branch7x7dbl_5 { get; }

    [Branch(Through = nameof(branch_pool)), AvgPool2d(3, Stride = 1, Padding = 1)] public partial AvgPool2d avg_pool { get; }
    [Block("inp", 192, 1)] public partial BasicConv2d branch_pool { get; }
}

/// <summary>
/// <c>InceptionD</c> (17×17 to 8×8): 1×1 then 3×3 with stride 2; 1×1, 1×7, 7×1, then 3×3 with stride 2; a 3×3 max pool
/// with stride 2; concatenated (512 + <c>inp</c> channels).
/// </summary>
[Model(Input = ["inp", 17, 17])]
public partial class InceptionD : nn.Module<Tensor, Tensor>
{
    public partial InceptionD(int inp = 768);

    [Branch(Through = nameof(branch3x3_2)), Block("inp", 192, 1)] public partial BasicConv2d branch3x3_1 { get; }
    [Block(192, 320, 3, 2)] public partial BasicConv2d branch3x3_2 { get; }

    [Branch(Through = nameof(branch7x7x3_4)), Block("inp", 192, 1)] public partial BasicConv2d branch7x7x3_1 { get; }
    [Block(192, 192, 1, 7, 0, 3)] public partial AsymmetricBasicConv2d branch7x7x3_2 { get; }
    [Block(192, 192, 7, 1, 3, 0)] public partial AsymmetricBasicConv2d branch7x7x3_3 { get; }
    [Block(192, 192, 3, 2)] public partial BasicConv2d branch7x7x3_4 { get; }

    [Branch, MaxPool2d(3, Stride = 2)] public partial MaxPool2d max_pool { get; }
}

/// <summary>
/// <c>InceptionE</c> (8×8): a 1×1 conv; 1×1 then 1×3 and 3×1 side by side; 1×1, 3×3, then 1×3 and 3×1 side by side; a
/// 3×3 average pool then a 1×1 conv; concatenated (320 + 768 + 768 + 192 = 2048 channels). The pairs side by side are
/// [Branch] groups inside the branches that end with them.
/// </summary>
[Model(Input = ["inp", 8, 8])]
public partial class InceptionE : nn.Module<Tensor, Tensor>
{
    public partial InceptionE(int inp = 1280);

    [Branch, Block("inp", 320, 1)] public partial BasicConv2d branch1x1 { get; }

    [Branch(Through = nameof(branch3x3_2b)), Block("inp", 384, 1)] public partial BasicConv2d branch3x3_1 { get; }
    [Branch, Block(384, 384, 1, 3, 0, 1)] public partial AsymmetricBasicConv2d branch3x3_2a { get; }
    [Branch, Block(384, 384, 3, 1, 1, 0)] public partial AsymmetricBasicConv2d branch3x3_2b { get; }

    [Branch(Through = nameof(branch3x3dbl_3b)), Block("inp", 448, 1)] public partial BasicConv2d branch3x3dbl_1 { get; }
    [Block(448, 384, 3, 1, 1)] public partial BasicConv2d branch3x3dbl_2 { get; }
    [Branch, Block(384, 384, 1, 3, 0, 1)] public partial AsymmetricBasicConv2d branch3x3dbl_3a { get; }
    [Branch, Block(384, 384, 3, 1, 1, 0)] public partial AsymmetricBasicConv2d branch3x3dbl_3b { get; }

    [Branch(Through = nameof(branch_pool)), AvgPool2d(3, Stride = 1, Padding = 1)] public partial AvgPool2d avg_pool { get; }
    [Block("inp", 192, 1)] public partial BasicConv2d branch_pool { get; }
}
