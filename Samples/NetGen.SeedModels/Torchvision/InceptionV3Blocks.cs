using NetGen;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace NetGen.Samples.Torchvision;

/// <summary>
/// torchvision's Inception v3 <c>InceptionA</c> (35×35): a 1×1 conv; 1×1 then 5×5; 1×1 then two 3×3; a 3×3 average pool
/// then a 1×1 conv to <c>poolFeatures</c>; concatenated along the channels (224 + <c>poolFeatures</c>).
/// </summary>
[Model(Input = ["inp", 35, 35])]
public partial class InceptionA : nn.Module<Tensor, Tensor>
{
    public partial InceptionA(int inp = 192, int poolFeatures = 32);

    [Block("inp", 64, 1)] public partial BasicConv2d branch1x1 { get; }

    [Block("inp", 48, 1)] public partial BasicConv2d branch5x5_1 { get; }
    [Block(48, 64, 5, 1, 2)] public partial BasicConv2d branch5x5_2 { get; }

    [Block("inp", 64, 1)] public partial BasicConv2d branch3x3dbl_1 { get; }
    [Block(64, 96, 3, 1, 1)] public partial BasicConv2d branch3x3dbl_2 { get; }
    [Block(96, 96, 3, 1, 1)] public partial BasicConv2d branch3x3dbl_3 { get; }

    [Block("inp", "poolFeatures", 1)] public partial BasicConv2d branch_pool { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var branch5x5 = branch5x5_2.call(branch5x5_1.call(x));
        var branch3x3dbl = branch3x3dbl_3.call(branch3x3dbl_2.call(branch3x3dbl_1.call(x)));
        var pool = branch_pool.call(nn.functional.avg_pool2d(x, 3, 1, 1));
        return cat(new[] { branch1x1.call(x), branch5x5, branch3x3dbl, pool }, 1).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// torchvision's Inception v3 <c>InceptionB</c> (35×35 to 17×17): a 3×3 conv with stride 2; 1×1, 3×3, then 3×3 with
/// stride 2; a 3×3 max pool with stride 2; concatenated (480 + <c>inp</c> channels).
/// </summary>
[Model(Input = ["inp", 35, 35])]
public partial class InceptionB : nn.Module<Tensor, Tensor>
{
    public partial InceptionB(int inp = 288);

    [Block("inp", 384, 3, 2)] public partial BasicConv2d branch3x3 { get; }

    [Block("inp", 64, 1)] public partial BasicConv2d branch3x3dbl_1 { get; }
    [Block(64, 96, 3, 1, 1)] public partial BasicConv2d branch3x3dbl_2 { get; }
    [Block(96, 96, 3, 2)] public partial BasicConv2d branch3x3dbl_3 { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var branch3x3dbl = branch3x3dbl_3.call(branch3x3dbl_2.call(branch3x3dbl_1.call(x)));
        return cat(new[] { branch3x3.call(x), branch3x3dbl, nn.functional.max_pool2d(x, 3, 2) }, 1).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// torchvision's Inception v3 <c>InceptionC</c> (17×17): a 1×1 conv; 1×1, 1×7, 7×1; 1×1, 7×1, 1×7, 7×1, 1×7; a 3×3
/// average pool then a 1×1 conv; 192 channels each, concatenated (768).
/// </summary>
[Model(Input = ["inp", 17, 17])]
public partial class InceptionC : nn.Module<Tensor, Tensor>
{
    public partial InceptionC(int inp = 768, int c7 = 128);

    [Block("inp", 192, 1)] public partial BasicConv2d branch1x1 { get; }

    [Block("inp", "c7", 1)] public partial BasicConv2d branch7x7_1 { get; }
    [Block("c7", "c7", 1, 7, 0, 3)] public partial AsymmetricBasicConv2d branch7x7_2 { get; }
    [Block("c7", 192, 7, 1, 3, 0)] public partial AsymmetricBasicConv2d branch7x7_3 { get; }

    [Block("inp", "c7", 1)] public partial BasicConv2d branch7x7dbl_1 { get; }
    [Block("c7", "c7", 7, 1, 3, 0)] public partial AsymmetricBasicConv2d branch7x7dbl_2 { get; }
    [Block("c7", "c7", 1, 7, 0, 3)] public partial AsymmetricBasicConv2d branch7x7dbl_3 { get; }
    [Block("c7", "c7", 7, 1, 3, 0)] public partial AsymmetricBasicConv2d branch7x7dbl_4 { get; }
    [Block("c7", 192, 1, 7, 0, 3)] public partial AsymmetricBasicConv2d branch7x7dbl_5 { get; }

    [Block("inp", 192, 1)] public partial BasicConv2d branch_pool { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var branch7x7 = branch7x7_3.call(branch7x7_2.call(branch7x7_1.call(x)));
        var branch7x7dbl = branch7x7dbl_5.call(branch7x7dbl_4.call(branch7x7dbl_3.call(branch7x7dbl_2.call(branch7x7dbl_1.call(x)))));
        var pool = branch_pool.call(nn.functional.avg_pool2d(x, 3, 1, 1));
        return cat(new[] { branch1x1.call(x), branch7x7, branch7x7dbl, pool }, 1).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// torchvision's Inception v3 <c>InceptionD</c> (17×17 to 8×8): 1×1 then 3×3 with stride 2; 1×1, 1×7, 7×1, then 3×3
/// with stride 2; a 3×3 max pool with stride 2; concatenated (512 + <c>inp</c> channels).
/// </summary>
[Model(Input = ["inp", 17, 17])]
public partial class InceptionD : nn.Module<Tensor, Tensor>
{
    public partial InceptionD(int inp = 768);

    [Block("inp", 192, 1)] public partial BasicConv2d branch3x3_1 { get; }
    [Block(192, 320, 3, 2)] public partial BasicConv2d branch3x3_2 { get; }

    [Block("inp", 192, 1)] public partial BasicConv2d branch7x7x3_1 { get; }
    [Block(192, 192, 1, 7, 0, 3)] public partial AsymmetricBasicConv2d branch7x7x3_2 { get; }
    [Block(192, 192, 7, 1, 3, 0)] public partial AsymmetricBasicConv2d branch7x7x3_3 { get; }
    [Block(192, 192, 3, 2)] public partial BasicConv2d branch7x7x3_4 { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var branch3x3 = branch3x3_2.call(branch3x3_1.call(x));
        var branch7x7x3 = branch7x7x3_4.call(branch7x7x3_3.call(branch7x7x3_2.call(branch7x7x3_1.call(x))));
        return cat(new[] { branch3x3, branch7x7x3, nn.functional.max_pool2d(x, 3, 2) }, 1).MoveToOuterDisposeScope();
    }
}

/// <summary>
/// torchvision's Inception v3 <c>InceptionE</c> (8×8): a 1×1 conv; 1×1 then 1×3 and 3×1 side by side; 1×1, 3×3, then
/// 1×3 and 3×1 side by side; a 3×3 average pool then a 1×1 conv; concatenated (320 + 768 + 768 + 192 = 2048 channels).
/// </summary>
[Model(Input = ["inp", 8, 8])]
public partial class InceptionE : nn.Module<Tensor, Tensor>
{
    public partial InceptionE(int inp = 1280);

    [Block("inp", 320, 1)] public partial BasicConv2d branch1x1 { get; }

    [Block("inp", 384, 1)] public partial BasicConv2d branch3x3_1 { get; }
    [Block(384, 384, 1, 3, 0, 1)] public partial AsymmetricBasicConv2d branch3x3_2a { get; }
    [Block(384, 384, 3, 1, 1, 0)] public partial AsymmetricBasicConv2d branch3x3_2b { get; }

    [Block("inp", 448, 1)] public partial BasicConv2d branch3x3dbl_1 { get; }
    [Block(448, 384, 3, 1, 1)] public partial BasicConv2d branch3x3dbl_2 { get; }
    [Block(384, 384, 1, 3, 0, 1)] public partial AsymmetricBasicConv2d branch3x3dbl_3a { get; }
    [Block(384, 384, 3, 1, 1, 0)] public partial AsymmetricBasicConv2d branch3x3dbl_3b { get; }

    [Block("inp", 192, 1)] public partial BasicConv2d branch_pool { get; }

    public override Tensor forward(Tensor x)
    {
        using var scope = NewDisposeScope();
        var branch3x3 = branch3x3_1.call(x);
        var branch3x3dbl = branch3x3dbl_2.call(branch3x3dbl_1.call(x));
        var pool = branch_pool.call(nn.functional.avg_pool2d(x, 3, 1, 1));
        return cat(new[]
        {
            branch1x1.call(x),
            cat(new[] { branch3x3_2a.call(branch3x3), branch3x3_2b.call(branch3x3) }, 1),
            cat(new[] { branch3x3dbl_3a.call(branch3x3dbl), branch3x3dbl_3b.call(branch3x3dbl) }, 1),
            pool,
        }, 1).MoveToOuterDisposeScope();
    }
}
