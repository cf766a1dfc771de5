using System;
using System.Collections.Generic;
using System.Linq;
using NetGen.Vision;
using Xunit.Abstractions;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// Issue 12, Build 5: a summary at any published variant's hyperparameters, computed at compile time by the same shape
/// walk as the defaults'. Each zoo class's factories (<c>ResNet.ResNet50()</c>) get one in <c>Summary.Variants</c>, and
/// its parameter count must be the one real torchvision 0.14 reported for that variant (the manifests), with no model
/// built. Swin and MaxViT say <c>?</c> instead, for their hand-written attention (<see cref="HandWrittenAttentionTests"/>).
/// </summary>
public sealed class VariantSummaryTests(ITestOutputHelper output)
{
    /// <summary>Each torchvision variant's compile-time summary, found as a user would find it.</summary>
    private static readonly Dictionary<string, Func<ModelSummary>> Summaries = new(StringComparer.Ordinal)
    {
        ["alexnet"] = () => AlexNet.Summary,
        ["googlenet"] = () => GoogLeNet.Summary,
        ["inception_v3"] = () => InceptionV3.Summary,
        ["mobilenet_v2"] = () => MobileNetV2.Summary,
        ["resnet18"] = () => ResNet.Summary.Variants[nameof(ResNet.ResNet18)],
        ["resnet34"] = () => ResNet.Summary.Variants[nameof(ResNet.ResNet34)],
        ["resnet50"] = () => ResNet.Summary.Variants[nameof(ResNet.ResNet50)],
        ["resnet101"] = () => ResNet.Summary.Variants[nameof(ResNet.ResNet101)],
        ["resnet152"] = () => ResNet.Summary.Variants[nameof(ResNet.ResNet152)],
        ["resnext50_32x4d"] = () => ResNet.Summary.Variants[nameof(ResNet.ResNeXt50_32X4D)],
        ["resnext101_32x8d"] = () => ResNet.Summary.Variants[nameof(ResNet.ResNeXt101_32X8D)],
        ["resnext101_64x4d"] = () => ResNet.Summary.Variants[nameof(ResNet.ResNeXt101_64X4D)],
        ["wide_resnet50_2"] = () => ResNet.Summary.Variants[nameof(ResNet.WideResNet50_2)],
        ["wide_resnet101_2"] = () => ResNet.Summary.Variants[nameof(ResNet.WideResNet101_2)],
        ["squeezenet1_0"] = () => SqueezeNet.Summary.Variants[nameof(SqueezeNet.SqueezeNet1_0)],
        ["squeezenet1_1"] = () => SqueezeNet.Summary.Variants[nameof(SqueezeNet.SqueezeNet1_1)],
        ["shufflenet_v2_x0_5"] = () => ShuffleNetV2.Summary.Variants[nameof(ShuffleNetV2.X0_5)],
        ["shufflenet_v2_x1_0"] = () => ShuffleNetV2.Summary.Variants[nameof(ShuffleNetV2.X1_0)],
        ["shufflenet_v2_x1_5"] = () => ShuffleNetV2.Summary.Variants[nameof(ShuffleNetV2.X1_5)],
        ["shufflenet_v2_x2_0"] = () => ShuffleNetV2.Summary.Variants[nameof(ShuffleNetV2.X2_0)],
        ["densenet121"] = () => DenseNet.Summary.Variants[nameof(DenseNet.DenseNet121)],
        ["densenet161"] = () => DenseNet.Summary.Variants[nameof(DenseNet.DenseNet161)],
        ["densenet169"] = () => DenseNet.Summary.Variants[nameof(DenseNet.DenseNet169)],
        ["densenet201"] = () => DenseNet.Summary.Variants[nameof(DenseNet.DenseNet201)],
        ["vgg11"] = () => Vgg.Summary.Variants[nameof(Vgg.Vgg11)],
        ["vgg11_bn"] = () => Vgg.Summary.Variants[nameof(Vgg.Vgg11BN)],
        ["vgg13"] = () => Vgg.Summary.Variants[nameof(Vgg.Vgg13)],
        ["vgg13_bn"] = () => Vgg.Summary.Variants[nameof(Vgg.Vgg13BN)],
        ["vgg16"] = () => Vgg.Summary.Variants[nameof(Vgg.Vgg16)],
        ["vgg16_bn"] = () => Vgg.Summary.Variants[nameof(Vgg.Vgg16BN)],
        ["vgg19"] = () => Vgg.Summary.Variants[nameof(Vgg.Vgg19)],
        ["vgg19_bn"] = () => Vgg.Summary.Variants[nameof(Vgg.Vgg19BN)],
        ["convnext_tiny"] = () => ConvNeXt.Summary.Variants[nameof(ConvNeXt.Tiny)],
        ["convnext_small"] = () => ConvNeXt.Summary.Variants[nameof(ConvNeXt.Small)],
        ["convnext_base"] = () => ConvNeXt.Summary.Variants[nameof(ConvNeXt.Base)],
        ["convnext_large"] = () => ConvNeXt.Summary.Variants[nameof(ConvNeXt.Large)],
        ["vit_b_16"] = () => VisionTransformer.Summary.Variants[nameof(VisionTransformer.B16)],
        ["vit_b_32"] = () => VisionTransformer.Summary.Variants[nameof(VisionTransformer.B32)],
        ["vit_l_16"] = () => VisionTransformer.Summary.Variants[nameof(VisionTransformer.L16)],
        ["vit_l_32"] = () => VisionTransformer.Summary.Variants[nameof(VisionTransformer.L32)],
        ["vit_h_14"] = () => VisionTransformer.Summary.Variants[nameof(VisionTransformer.H14)],
        ["swin_t"] = () => SwinTransformer.Summary.Variants[nameof(SwinTransformer.T)],
        ["swin_s"] = () => SwinTransformer.Summary.Variants[nameof(SwinTransformer.S)],
        ["swin_b"] = () => SwinTransformer.Summary.Variants[nameof(SwinTransformer.B)],
        ["swin_v2_t"] = () => SwinTransformer.Summary.Variants[nameof(SwinTransformer.V2T)],
        ["swin_v2_s"] = () => SwinTransformer.Summary.Variants[nameof(SwinTransformer.V2S)],
        ["swin_v2_b"] = () => SwinTransformer.Summary.Variants[nameof(SwinTransformer.V2B)],
        ["maxvit_t"] = () => MaxVit.Summary.Variants[nameof(MaxVit.T)],
        ["mobilenet_v3_large"] = () => MobileNetV3.Summary.Variants[nameof(MobileNetV3.Large)],
        ["mobilenet_v3_small"] = () => MobileNetV3.Summary.Variants[nameof(MobileNetV3.Small)],
        ["efficientnet_b0"] = () => EfficientNet.Summary.Variants[nameof(EfficientNet.B0)],
        ["efficientnet_b1"] = () => EfficientNet.Summary.Variants[nameof(EfficientNet.B1)],
        ["efficientnet_b2"] = () => EfficientNet.Summary.Variants[nameof(EfficientNet.B2)],
        ["efficientnet_b3"] = () => EfficientNet.Summary.Variants[nameof(EfficientNet.B3)],
        ["efficientnet_b4"] = () => EfficientNet.Summary.Variants[nameof(EfficientNet.B4)],
        ["efficientnet_b5"] = () => EfficientNet.Summary.Variants[nameof(EfficientNet.B5)],
        ["efficientnet_b6"] = () => EfficientNet.Summary.Variants[nameof(EfficientNet.B6)],
        ["efficientnet_b7"] = () => EfficientNet.Summary.Variants[nameof(EfficientNet.B7)],
        ["efficientnet_v2_s"] = () => EfficientNetV2.Summary.Variants[nameof(EfficientNetV2.S)],
        ["efficientnet_v2_m"] = () => EfficientNetV2.Summary.Variants[nameof(EfficientNetV2.M)],
        ["efficientnet_v2_l"] = () => EfficientNetV2.Summary.Variants[nameof(EfficientNetV2.L)],
        ["mnasnet0_5"] = () => MNASNet.Summary.Variants[nameof(MNASNet.Alpha0_5)],
        ["mnasnet0_75"] = () => MNASNet.Summary.Variants[nameof(MNASNet.Alpha0_75)],
        ["mnasnet1_0"] = () => MNASNet.Summary.Variants[nameof(MNASNet.Alpha1_0)],
        ["mnasnet1_3"] = () => MNASNet.Summary.Variants[nameof(MNASNet.Alpha1_3)],
        ["regnet_x_400mf"] = () => RegNet.Summary.Variants[nameof(RegNet.X400MF)],
        ["regnet_x_800mf"] = () => RegNet.Summary.Variants[nameof(RegNet.X800MF)],
        ["regnet_x_1_6gf"] = () => RegNet.Summary.Variants[nameof(RegNet.X1_6GF)],
        ["regnet_x_3_2gf"] = () => RegNet.Summary.Variants[nameof(RegNet.X3_2GF)],
        ["regnet_x_8gf"] = () => RegNet.Summary.Variants[nameof(RegNet.X8GF)],
        ["regnet_x_16gf"] = () => RegNet.Summary.Variants[nameof(RegNet.X16GF)],
        ["regnet_x_32gf"] = () => RegNet.Summary.Variants[nameof(RegNet.X32GF)],
        ["regnet_y_400mf"] = () => RegNet.Summary.Variants[nameof(RegNet.Y400MF)],
        ["regnet_y_800mf"] = () => RegNet.Summary.Variants[nameof(RegNet.Y800MF)],
        ["regnet_y_1_6gf"] = () => RegNet.Summary.Variants[nameof(RegNet.Y1_6GF)],
        ["regnet_y_3_2gf"] = () => RegNet.Summary.Variants[nameof(RegNet.Y3_2GF)],
        ["regnet_y_8gf"] = () => RegNet.Summary.Variants[nameof(RegNet.Y8GF)],
        ["regnet_y_16gf"] = () => RegNet.Summary.Variants[nameof(RegNet.Y16GF)],
        ["regnet_y_32gf"] = () => RegNet.Summary.Variants[nameof(RegNet.Y32GF)],
        ["regnet_y_128gf"] = () => RegNet.Summary.Variants[nameof(RegNet.Y128GF)],
    };

    /// <summary>The families whose attention is plain TorchSharp, so that their compile-time count is <c>?</c>.</summary>
    private static readonly string[] HandWritten = ["swin_", "maxvit_"];

    public static IEnumerable<object[]> Variants() => Summaries.Keys.Order(StringComparer.Ordinal).Select(v => new object[] { v });

    [Fact]
    public void Every_declared_torchvision_variant_has_a_compile_time_summary()
    {
        var declared = ZooManifestTests.DeclaredModels().Select(row => (string)row[0]);
        Assert.Equal(declared.Order(StringComparer.Ordinal), Summaries.Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Variants))]
    public void A_variants_compile_time_summary_counts_torchvisions_parameters(string variant)
    {
        var summary = Summaries[variant]();
        output.WriteLine($"{variant}: {summary.Model}.{summary.Variant ?? "(defaults)"}({summary.Arguments}) {summary.TotalParameters:N0} parameters, {summary.TotalMultAdds:N0} mult-adds");

        Assert.Equal([1000L], summary.Rows[^1].OutputShape ?? []);
        if (HandWritten.Any(variant.StartsWith))
        {
            Assert.Equal(-1, summary.TotalParameters);
            Assert.Contains(summary.Rows, r => r.Parameters < 0);
        }
        else
        {
            Assert.Equal(ZooManifest.Load(variant).Parameters, summary.TotalParameters);
        }
    }

    [Fact]
    public void A_variant_prints_its_factory_and_the_hyperparameters_it_sets()
    {
        var resnet50 = ResNet.Summary.Variants[nameof(ResNet.ResNet50)];
        var table = resnet50.ToString();
        output.WriteLine(table);

        Assert.Equal(nameof(ResNet.ResNet50), resnet50.Variant);
        Assert.Contains("ResNet.ResNet50(): block = ResNetBlock.Bottleneck, layers1 = 3, layers2 = 4, layers3 = 6, layers4 = 3, numClasses = 1000", table);
        Assert.Contains("Total params: 25,557,032", table);
        Assert.Empty(resnet50.Variants);
        Assert.Null(ResNet.Summary.Variant);
    }

    [Fact]
    public void A_built_variant_completes_its_own_summary_and_another_says_it_differs()
    {
        using var resnet18 = ResNet.ResNet18();
        var same = ResNet.Summary.Variants[nameof(ResNet.ResNet18)].For(resnet18);
        Assert.Equal(11_689_512, same.TotalParameters);
        Assert.True(same.TotalMultAdds > 0);

        var other = ResNet.Summary.Variants[nameof(ResNet.ResNet34)].For(resnet18);
        Assert.Equal(11_689_512, other.TotalParameters);
        Assert.Equal(-1, other.TotalMultAdds);
        Assert.Contains(other.Notes, n => n.Contains("other hyperparameters than the ResNet34()'s", StringComparison.Ordinal));
    }
}
