using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using NetGen.Vision;
using TorchSharp;
using static TorchSharp.torch;

namespace NetGen.Runtime.Tests.Zoo;

/// <summary>
/// Issue 12's zoo, checked by manifest: every torchvision 0.14 variant that NetGen declares has torchvision's
/// state-dict keys, shapes, dtypes and parameter count, with no weights involved. docs/zoo.md says, family by
/// family, which variants are declared; a test keeps that table and this registry in step.
/// </summary>
public sealed class ZooManifestTests
{
    /// <summary>The torchvision variants NetGen declares today, built the way a user would build them.</summary>
    private static readonly Dictionary<string, Func<nn.Module<Tensor, Tensor>>> Declared = new(StringComparer.Ordinal)
    {
        ["resnet18"] = () => ResNet.ResNet18(),
        ["resnet34"] = () => ResNet.ResNet34(),
        ["resnet50"] = () => ResNet.ResNet50(),
        ["resnet101"] = () => ResNet.ResNet101(),
        ["resnet152"] = () => ResNet.ResNet152(),
        ["resnext50_32x4d"] = () => ResNet.ResNeXt50_32X4D(),
        ["resnext101_32x8d"] = () => ResNet.ResNeXt101_32X8D(),
        ["resnext101_64x4d"] = () => ResNet.ResNeXt101_64X4D(),
        ["wide_resnet50_2"] = () => ResNet.WideResNet50_2(),
        ["wide_resnet101_2"] = () => ResNet.WideResNet101_2(),
        ["squeezenet1_0"] = () => SqueezeNet.SqueezeNet1_0(),
        ["squeezenet1_1"] = () => SqueezeNet.SqueezeNet1_1(),
        ["mobilenet_v2"] = () => new MobileNetV2(1000),
        ["shufflenet_v2_x0_5"] = () => ShuffleNetV2.X0_5(),
        ["shufflenet_v2_x1_0"] = () => ShuffleNetV2.X1_0(),
        ["shufflenet_v2_x1_5"] = () => ShuffleNetV2.X1_5(),
        ["shufflenet_v2_x2_0"] = () => ShuffleNetV2.X2_0(),
        ["alexnet"] = () => new AlexNet(),
        ["densenet121"] = () => DenseNet.DenseNet121(),
        ["densenet161"] = () => DenseNet.DenseNet161(),
        ["densenet169"] = () => DenseNet.DenseNet169(),
        ["densenet201"] = () => DenseNet.DenseNet201(),
        ["vgg11"] = () => Vgg.Vgg11(),
        ["vgg11_bn"] = () => Vgg.Vgg11BN(),
        ["vgg13"] = () => Vgg.Vgg13(),
        ["vgg13_bn"] = () => Vgg.Vgg13BN(),
        ["vgg16"] = () => Vgg.Vgg16(),
        ["vgg16_bn"] = () => Vgg.Vgg16BN(),
        ["vgg19"] = () => Vgg.Vgg19(),
        ["vgg19_bn"] = () => Vgg.Vgg19BN(),
        ["googlenet"] = () => new GoogLeNet(),
        ["convnext_tiny"] = () => ConvNeXt.Tiny(),
        ["convnext_small"] = () => ConvNeXt.Small(),
        ["convnext_base"] = () => ConvNeXt.Base(),
        ["convnext_large"] = () => ConvNeXt.Large(),
        ["vit_b_16"] = () => VisionTransformer.B16(),
        ["vit_b_32"] = () => VisionTransformer.B32(),
        ["vit_l_16"] = () => VisionTransformer.L16(),
        ["vit_l_32"] = () => VisionTransformer.L32(),
        ["vit_h_14"] = () => VisionTransformer.H14(),
        ["swin_t"] = () => SwinTransformer.T(),
        ["swin_s"] = () => SwinTransformer.S(),
        ["swin_b"] = () => SwinTransformer.B(),
        ["swin_v2_t"] = () => SwinTransformer.V2T(),
        ["swin_v2_s"] = () => SwinTransformer.V2S(),
        ["swin_v2_b"] = () => SwinTransformer.V2B(),
        ["maxvit_t"] = () => MaxVit.T(),
        ["mobilenet_v3_large"] = () => MobileNetV3.Large(),
        ["mobilenet_v3_small"] = () => MobileNetV3.Small(),
        ["efficientnet_b0"] = () => EfficientNet.B0(),
        ["efficientnet_b1"] = () => EfficientNet.B1(),
        ["efficientnet_b2"] = () => EfficientNet.B2(),
        ["efficientnet_b3"] = () => EfficientNet.B3(),
        ["efficientnet_b4"] = () => EfficientNet.B4(),
        ["efficientnet_b5"] = () => EfficientNet.B5(),
        ["efficientnet_b6"] = () => EfficientNet.B6(),
        ["efficientnet_b7"] = () => EfficientNet.B7(),
        ["efficientnet_v2_s"] = () => EfficientNetV2.S(),
        ["efficientnet_v2_m"] = () => EfficientNetV2.M(),
        ["efficientnet_v2_l"] = () => EfficientNetV2.L(),
        ["mnasnet0_5"] = () => MNASNet.Alpha0_5(),
        ["mnasnet0_75"] = () => MNASNet.Alpha0_75(),
        ["mnasnet1_0"] = () => MNASNet.Alpha1_0(),
        ["mnasnet1_3"] = () => MNASNet.Alpha1_3(),
        ["regnet_x_400mf"] = () => RegNet.X400MF(),
        ["regnet_x_800mf"] = () => RegNet.X800MF(),
        ["regnet_x_1_6gf"] = () => RegNet.X1_6GF(),
        ["regnet_x_3_2gf"] = () => RegNet.X3_2GF(),
        ["regnet_x_8gf"] = () => RegNet.X8GF(),
        ["regnet_x_16gf"] = () => RegNet.X16GF(),
        ["regnet_x_32gf"] = () => RegNet.X32GF(),
        ["regnet_y_400mf"] = () => RegNet.Y400MF(),
        ["regnet_y_800mf"] = () => RegNet.Y800MF(),
        ["regnet_y_1_6gf"] = () => RegNet.Y1_6GF(),
        ["regnet_y_3_2gf"] = () => RegNet.Y3_2GF(),
        ["regnet_y_8gf"] = () => RegNet.Y8GF(),
        ["regnet_y_16gf"] = () => RegNet.Y16GF(),
        ["regnet_y_32gf"] = () => RegNet.Y32GF(),
        ["regnet_y_128gf"] = () => RegNet.Y128GF(),
        ["inception_v3"] = () => new InceptionV3(),
    };

    /// <summary>A declared variant, built as <see cref="Declared"/> builds it.</summary>
    public static nn.Module<Tensor, Tensor> Build(string variant) => Declared[variant]();

    public static IEnumerable<object[]> DeclaredModels() => Declared.Keys.Order(StringComparer.Ordinal).Select(m => new object[] { m });

    [Theory]
    [MemberData(nameof(DeclaredModels))]
    public void A_declared_variant_has_torchvisions_keys_shapes_dtypes_and_parameter_count(string model)
    {
        var manifest = ZooManifest.Load(model);
        using var module = Declared[model]();
        var state = module.state_dict();

        var missing = manifest.Entries.Select(e => e.Key).Except(state.Keys, StringComparer.Ordinal).ToList();
        var extra = state.Keys.Except(manifest.Entries.Select(e => e.Key), StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{model}: missing {string.Join(", ", missing.Take(5))}; not in torchvision {string.Join(", ", extra.Take(5))}");
        foreach (var entry in manifest.Entries)
        {
            var tensor = state[entry.Key];
            Assert.True(entry.Shape.SequenceEqual(tensor.shape), $"{model} {entry.Key}: torchvision [{string.Join(", ", entry.Shape)}], NetGen [{string.Join(", ", tensor.shape)}]");
            Assert.Equal(entry.DType, tensor.dtype == ScalarType.Int64 ? "int64" : tensor.dtype == ScalarType.Float32 ? "float32" : tensor.dtype.ToString());
        }

        Assert.Equal(manifest.Entries.Where(e => e.IsParameter).Select(e => e.Key), module.named_parameters().Select(p => p.name));
        Assert.Equal(manifest.Parameters, module.parameters().Sum(p => p.numel()));
    }

    [Fact]
    public void The_manifests_cover_every_family_the_issue_lists()
    {
        // Issue 12, Build 6: the families a NetGen zoo must declare.
        string[] families =
        [
            "alexnet", "vgg", "resnet", "resnext", "wide_resnet", "squeezenet", "densenet", "googlenet", "inception_v3",
            "mobilenet_v2", "mobilenet_v3", "mnasnet", "shufflenet_v2", "efficientnet", "efficientnet_v2", "regnet",
            "convnext", "vit", "swin", "maxvit",
        ];
        var found = ZooManifest.AllModels().Select(m => ZooManifest.Load(m).Family).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(families.Order(StringComparer.Ordinal), found);
    }

    [Fact]
    public void Docs_zoo_table_lists_every_family_with_exactly_the_declared_variants()
    {
        // One row per family: | family | torchvision variants | declared in NetGen | ... ; the third column lists
        // declared variants in backticks, or says none.
        var rows = File.ReadLines(Path.Combine(RepositoryFiles.Root(), "docs", "zoo.md"))
            .Select(l => l.Split('|'))
            .Where(c => c.Length > 4 && Regex.IsMatch(c[1], @"^\s*`[a-z0-9_]+`\s*$"))
            .ToDictionary(c => c[1].Trim().Trim('`'), c => Regex.Matches(c[3], "`([a-z0-9_]+)`").Select(m => m.Groups[1].Value).ToHashSet());

        var families = ZooManifest.AllModels().GroupBy(m => ZooManifest.Load(m).Family).ToDictionary(g => g.Key, g => g.ToList());
        Assert.Equal(families.Keys.Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var (family, variants) in families)
        {
            var declared = variants.Where(Declared.ContainsKey).ToHashSet();
            Assert.True(declared.SetEquals(rows[family]),
                $"docs/zoo.md says {family} declares [{string.Join(", ", rows[family])}], the tests know [{string.Join(", ", declared)}]");
        }
    }
}
