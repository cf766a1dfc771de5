using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace NetGen.GeneratorBenchmark;

/// <summary>
/// Writes the two projects that are compared: <c>WithNetGen</c>, the synthetic models declared with NetGen's
/// attributes and consuming NetGen by project reference exactly as build/NetGen.Local.props wires it, and
/// <c>WithoutNetGen</c>, the same classes (same names, layers, hyperparameters and forward wiring) written by
/// hand in plain TorchSharp, with no NetGen reference at all.
///
/// The models come in families of <see cref="KindsPerFamily"/>; family k holds one model of each kind:
/// <list type="bullet">
/// <item><c>ConvBnAct{k}</c>: layers on the class (an indexed Sequential), hyperparameters, an inferred BatchNorm size.</item>
/// <item><c>Res{k}</c>: residual block with a <c>[When]</c> projection shortcut and an activation after the add.</item>
/// <item><c>Fire{k}</c>: two <c>[Branch]</c> members concatenated along the channels.</item>
/// <item><c>Inv{k}</c>: inverted residual built from two <c>Block&lt;ConvBnAct{k}&gt;</c>, residual add under a flag.</item>
/// <item><c>Net{k}</c>: conv/pool/linear classifier, inferred <c>in_channels</c> and <c>in_features</c>, init rules.</item>
/// <item><c>Mlp{k}</c>: linear stack with dropout and BatchNorm1d, every <c>in_features</c> inferred, an init rule.</item>
/// <item><c>ResNet{k}</c>: a stem block, two <c>Repeat&lt;Res{k}&gt;</c> stages, the next family's <c>Fire</c>
/// as a <c>[Block]</c> member, global pool and a head; init rules. (The head's <c>in_features</c> is given:
/// the output of a <c>[Block]</c> member built from hyperparameters is not inferred, NG0109.)</item>
/// <item><c>MobileNet{k}</c>: a Sequential of <c>Block&lt;ConvBnAct{k}&gt;</c> and <c>Block&lt;Inv{k}&gt;</c>.</item>
/// </list>
/// </summary>
internal static partial class SyntheticProjects
{
    public const int KindsPerFamily = 8;
    public const string Namespace = "Synthetic.Models";
    public const string TorchSharpVersion = "0.107.0";

    /// <summary>The file edited for the incremental build: a model in the middle of the set.</summary>
    public static string EditedFile(int families) => $"Net{families / 2}.cs";

    public static void Write(string root, string repoRoot, int families)
    {
        Directory.CreateDirectory(root);
        // Stop MSBuild's search for Directory.Build.* / Directory.Packages.props above the temp folder.
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Packages.props"),
            "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");

        var withDir = Path.Combine(root, "WithNetGen");
        var withoutDir = Path.Combine(root, "WithoutNetGen");
        var forwardsDir = Path.Combine(root, HandWrittenForwards);
        Directory.CreateDirectory(withDir);
        Directory.CreateDirectory(withoutDir);
        Directory.CreateDirectory(forwardsDir);

        var repo = repoRoot.EndsWith('/') ? repoRoot : repoRoot + "/";
        var netGen = Project($"""
              <PropertyGroup>
                <NetGenRepoRoot>{repo}</NetGenRepoRoot>
              </PropertyGroup>
              <Import Project="$(NetGenRepoRoot)build/NetGen.Local.props" />
            """);
        File.WriteAllText(Path.Combine(withDir, "WithNetGen.csproj"), netGen);
        File.WriteAllText(Path.Combine(forwardsDir, HandWrittenForwards + ".csproj"), netGen);
        File.WriteAllText(Path.Combine(withoutDir, "WithoutNetGen.csproj"), Project(""));

        for (var k = 0; k < families; k++)
        {
            var f = new Family(k, families);
            foreach (var (name, withNetGen, withoutNetGen) in f.Models())
            {
                File.WriteAllText(Path.Combine(withDir, name + ".cs"), withNetGen);
                File.WriteAllText(Path.Combine(withoutDir, name + ".cs"), withoutNetGen);
            }

            foreach (var (name, source) in f.ModelsWithHandWrittenForwards())
            {
                File.WriteAllText(Path.Combine(forwardsDir, name + ".cs"), source);
            }
        }
    }

    /// <summary>The NetGen project's model files, in memory: what <see cref="Write"/> puts in WithNetGen.</summary>
    public static IEnumerable<(string Name, string Source)> NetGenSources(int families) =>
        Enumerable.Range(0, families).SelectMany(k => new Family(k, families).Models().Select(m => (m.Name, m.WithNetGen)));

    /// <summary>The hand-written project's files, in memory: what <see cref="Write"/> puts in WithoutNetGen.</summary>
    public static IEnumerable<(string Name, string Source)> HandWrittenSources(int families) =>
        Enumerable.Range(0, families).SelectMany(k => new Family(k, families).Models().Select(m => (m.Name, m.WithoutNetGen)));

    internal static string Project(string extra) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>disable</ImplicitUsings>
            <LangVersion>latest</LangVersion>
            <Deterministic>true</Deterministic>
            <RootNamespace>{Namespace}</RootNamespace>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="TorchSharp-cpu" Version="{TorchSharpVersion}" />
          </ItemGroup>
        {extra}</Project>
        """;

    private sealed partial class Family(int k, int families)
    {
        private readonly int c = 16 + 8 * (k % 4);
        private readonly int classes = 10 + k;
        private readonly int mlpIn = 64 + k;
        private readonly int other = (k + 1) % families;

        private const string Usings = """
            using NetGen;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            """;

        private const string PlainUsings = """
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            """;

        public IEnumerable<(string Name, string WithNetGen, string WithoutNetGen)> Models()
        {
            yield return ($"ConvBnAct{k}", ConvBnAct(), PlainConvBnAct());
            yield return ($"Res{k}", Res(), PlainRes());
            yield return ($"Fire{k}", Fire(), PlainFire());
            yield return ($"Inv{k}", Inv(), PlainInv());
            yield return ($"Net{k}", Net(), PlainNet());
            yield return ($"Mlp{k}", Mlp(), PlainMlp());
            yield return ($"ResNet{k}", ResNet(), PlainResNet());
            yield return ($"MobileNet{k}", MobileNet(), PlainMobileNet());
        }

        // ---- ConvBnAct: layers on the class --------------------------------------------------------

        private string ConvBnAct() => $$"""
            {{Usings}}

            namespace {{Namespace}};

            /// <summary>Conv 3×3 + BatchNorm + ReLU as an indexed Sequential.</summary>
            [Model(Input = ["inC", 32, 32])]
            [Conv2d("inC", "outC", 3, Stride = "stride", Padding = 1, Bias = false)]
            [BatchNorm2d]
            [ReLU(Inplace = true)]
            public partial class ConvBnAct{{k}} : nn.Module<Tensor, Tensor>
            {
                public partial ConvBnAct{{k}}(int inC, int outC, int stride);
            }
            """;

        private string PlainConvBnAct() => $$"""
            {{PlainUsings}}

            namespace {{Namespace}};

            /// <summary>Conv 3×3 + BatchNorm + ReLU.</summary>
            public class ConvBnAct{{k}} : nn.Module<Tensor, Tensor>
            {
                private readonly Conv2d conv;
                private readonly BatchNorm2d bn;
                private readonly ReLU relu;

                public ConvBnAct{{k}}(int inC, int outC, int stride) : base(nameof(ConvBnAct{{k}}))
                {
                    conv = nn.Conv2d(inC, outC, 3, stride: stride, padding: 1, bias: false);
                    bn = nn.BatchNorm2d(outC);
                    relu = nn.ReLU(inplace: true);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    using var a = conv.forward(input);
                    using var b = bn.forward(a);
                    return relu.forward(b);
                }
            }
            """;

        // ---- Res: residual block with a conditional projection ---------------------------------------

        private string Res() => $$"""
            {{Usings}}

            namespace {{Namespace}};

            /// <summary>relu(left(x) + (right(x) or x)); right exists only with a projection.</summary>
            [Model(Input = ["inC", 16, 16])]
            [Residual(Shortcut = "right", Activation = Activation.ReLU)]
            public partial class Res{{k}} : nn.Module<Tensor, Tensor>
            {
                public partial Res{{k}}(int inC, int outC, int stride, bool projection);

                [Conv2d("inC", "outC", 3, Stride = "stride", Padding = 1, Bias = false)]
                [BatchNorm2d("outC")]
                [ReLU(Inplace = true)]
                [Conv2d("outC", "outC", 3, Padding = 1, Bias = false)]
                [BatchNorm2d("outC")]
                public partial Sequential left { get; }

                [When("projection")]
                [Conv2d("inC", "outC", 1, Stride = "stride", Bias = false)]
                [BatchNorm2d("outC")]
                public partial Sequential? right { get; }
            }
            """;

        private string PlainRes() => $$"""
            {{PlainUsings}}

            namespace {{Namespace}};

            /// <summary>relu(left(x) + (right(x) or x)); right exists only with a projection.</summary>
            public class Res{{k}} : nn.Module<Tensor, Tensor>
            {
                private readonly Sequential left;
                private readonly Sequential? right;

                public Res{{k}}(int inC, int outC, int stride, bool projection) : base(nameof(Res{{k}}))
                {
                    left = nn.Sequential(
                        ("0", nn.Conv2d(inC, outC, 3, stride: stride, padding: 1, bias: false)),
                        ("1", nn.BatchNorm2d(outC)),
                        ("2", nn.ReLU(inplace: true)),
                        ("3", nn.Conv2d(outC, outC, 3, padding: 1, bias: false)),
                        ("4", nn.BatchNorm2d(outC)));
                    if (projection)
                    {
                        right = nn.Sequential(
                            ("0", nn.Conv2d(inC, outC, 1, stride: stride, bias: false)),
                            ("1", nn.BatchNorm2d(outC)));
                    }
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    using var main = left.forward(input);
                    using var shortcut = right is null ? input.alias() : right.forward(input);
                    using var sum = main + shortcut;
                    return nn.functional.relu(sum);
                }
            }
            """;

        // ---- Fire: branches concatenated ------------------------------------------------------------

        private string Fire() => $$"""
            {{Usings}}

            namespace {{Namespace}};

            /// <summary>Squeeze 1×1, then 1×1 and 3×3 expand branches concatenated along the channels.</summary>
            [Model(Input = ["inplanes", 16, 16])]
            public partial class Fire{{k}} : nn.Module<Tensor, Tensor>
            {
                public partial Fire{{k}}(int inplanes, int squeezePlanes, int expand1x1Planes, int expand3x3Planes);

                [Conv2d("inplanes", "squeezePlanes", 1), ReLU(Inplace = true)]
                public partial Conv2d squeeze { get; }

                [Branch, Conv2d("squeezePlanes", "expand1x1Planes", 1), ReLU(Inplace = true)]
                public partial Conv2d expand1x1 { get; }

                [Branch, Conv2d("squeezePlanes", "expand3x3Planes", 3, Padding = 1), ReLU(Inplace = true)]
                public partial Conv2d expand3x3 { get; }
            }
            """;

        private string PlainFire() => $$"""
            {{PlainUsings}}

            namespace {{Namespace}};

            /// <summary>Squeeze 1×1, then 1×1 and 3×3 expand branches concatenated along the channels.</summary>
            public class Fire{{k}} : nn.Module<Tensor, Tensor>
            {
                private readonly Conv2d squeeze;
                private readonly Conv2d expand1x1;
                private readonly Conv2d expand3x3;

                public Fire{{k}}(int inplanes, int squeezePlanes, int expand1x1Planes, int expand3x3Planes) : base(nameof(Fire{{k}}))
                {
                    squeeze = nn.Conv2d(inplanes, squeezePlanes, 1);
                    expand1x1 = nn.Conv2d(squeezePlanes, expand1x1Planes, 1);
                    expand3x3 = nn.Conv2d(squeezePlanes, expand3x3Planes, 3, padding: 1);
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    using var s0 = squeeze.forward(input);
                    using var s = nn.functional.relu(s0);
                    using var a0 = expand1x1.forward(s);
                    using var a = nn.functional.relu(a0);
                    using var b0 = expand3x3.forward(s);
                    using var b = nn.functional.relu(b0);
                    return torch.cat(new[] { a, b }, 1);
                }
            }
            """;

        // ---- Inv: inverted residual from blocks -----------------------------------------------------

        private string Inv() => $$"""
            {{Usings}}

            namespace {{Namespace}};

            /// <summary>1×1 expansion, 3×3 (strided) conv, linear 1×1 projection; input added when useResidual.</summary>
            [Model(Input = ["inp", 16, 16])]
            [Residual(When = "useResidual")]
            public partial class Inv{{k}} : nn.Module<Tensor, Tensor>
            {
                public partial Inv{{k}}(int inp, int oup, int hidden, int stride, bool useResidual);

                [Block<ConvBnAct{{k}}>("inp", "hidden", 1)]
                [Block<ConvBnAct{{k}}>("hidden", "hidden", "stride")]
                [Conv2d("hidden", "oup", 1, Bias = false)]
                [BatchNorm2d("oup")]
                public partial Sequential conv { get; }
            }
            """;

        private string PlainInv() => $$"""
            {{PlainUsings}}

            namespace {{Namespace}};

            /// <summary>1×1 expansion, 3×3 (strided) conv, linear 1×1 projection; input added when useResidual.</summary>
            public class Inv{{k}} : nn.Module<Tensor, Tensor>
            {
                private readonly Sequential conv;
                private readonly bool useResidual;

                public Inv{{k}}(int inp, int oup, int hidden, int stride, bool useResidual) : base(nameof(Inv{{k}}))
                {
                    this.useResidual = useResidual;
                    conv = nn.Sequential(
                        ("0", new ConvBnAct{{k}}(inp, hidden, 1)),
                        ("1", new ConvBnAct{{k}}(hidden, hidden, stride)),
                        ("2", nn.Conv2d(hidden, oup, 1, bias: false)),
                        ("3", nn.BatchNorm2d(oup)));
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    if (!useResidual) return conv.forward(input);
                    using var y = conv.forward(input);
                    return input + y;
                }
            }
            """;

        // ---- Net: classifier with inferred sizes and init rules -------------------------------------

        private string Net() => $$"""
            {{Usings}}

            namespace {{Namespace}};

            /// <summary>Two conv + pool stages and two linear layers for 3×32×32 input.</summary>
            [Model(Input = [3, 32, 32])]
            [Init<Conv2d>(InitKind.KaimingNormal, Bias = InitKind.Zeros)]
            [Init<Linear>(InitKind.Normal, Mean = 0, Std = 0.01, Bias = InitKind.Zeros)]
            public partial class Net{{k}} : nn.Module<Tensor, Tensor>
            {
                public partial Net{{k}}(int numClasses = {{classes}});

                [Conv2d(3, {{c}}, 3), ReLU]
                public partial Conv2d conv1 { get; }

                [MaxPool2d(2, Stride = 2)]
                public partial MaxPool2d pool1 { get; }

                [Conv2d({{2 * c}}, 3, Padding = 1), ReLU]
                public partial Conv2d conv2 { get; }

                [MaxPool2d(2, Stride = 2)]
                public partial MaxPool2d pool2 { get; }

                [Flatten, Linear(128), ReLU]
                public partial Linear fc1 { get; }

                [Dropout(0.25)]
                public partial Dropout drop { get; }

                [Linear("numClasses")]
                public partial Linear fc2 { get; }
            }
            """;

        private string PlainNet() => $$"""
            {{PlainUsings}}

            namespace {{Namespace}};

            /// <summary>Two conv + pool stages and two linear layers for 3×32×32 input.</summary>
            public class Net{{k}} : nn.Module<Tensor, Tensor>
            {
                private readonly Conv2d conv1;
                private readonly MaxPool2d pool1;
                private readonly Conv2d conv2;
                private readonly MaxPool2d pool2;
                private readonly Linear fc1;
                private readonly Dropout drop;
                private readonly Linear fc2;

                public Net{{k}}(int numClasses = {{classes}}) : base(nameof(Net{{k}}))
                {
                    conv1 = nn.Conv2d(3, {{c}}, 3);
                    pool1 = nn.MaxPool2d(2, stride: 2);
                    conv2 = nn.Conv2d({{c}}, {{2 * c}}, 3, padding: 1);
                    pool2 = nn.MaxPool2d(2, stride: 2);
                    fc1 = nn.Linear({{2 * c}} * 7 * 7, 128);
                    drop = nn.Dropout(0.25);
                    fc2 = nn.Linear(128, numClasses);
                    RegisterComponents();
                }

                public void init_weights()
                {
                    using var noGrad = torch.no_grad();
                    foreach (var module in modules())
                    {
                        switch (module)
                        {
                            case Conv2d conv:
                                nn.init.kaiming_normal_(conv.weight);
                                if (conv.bias is not null) nn.init.zeros_(conv.bias);
                                break;
                            case Linear linear:
                                nn.init.normal_(linear.weight, 0, 0.01);
                                if (linear.bias is not null) nn.init.zeros_(linear.bias);
                                break;
                        }
                    }
                }

                public override Tensor forward(Tensor input)
                {
                    using var a = conv1.forward(input);
                    using var b = nn.functional.relu(a);
                    using var c = pool1.forward(b);
                    using var d = conv2.forward(c);
                    using var e = nn.functional.relu(d);
                    using var f = pool2.forward(e);
                    using var g = f.flatten(1);
                    using var h = fc1.forward(g);
                    using var i = nn.functional.relu(h);
                    using var j = drop.forward(i);
                    return fc2.forward(j);
                }
            }
            """;

        // ---- Mlp: linear stack, every in_features inferred ------------------------------------------

        private string Mlp() => $$"""
            {{Usings}}

            namespace {{Namespace}};

            /// <summary>A three-layer perceptron with dropout and BatchNorm1d for {{mlpIn}} input features.</summary>
            [Model(Input = [{{mlpIn}}])]
            [Init<Linear>(InitKind.XavierUniform, Bias = InitKind.Zeros)]
            public partial class Mlp{{k}} : nn.Module<Tensor, Tensor>
            {
                public partial Mlp{{k}}(int outFeatures = {{classes}});

                [Linear(256), ReLU]
                public partial Linear fc1 { get; }

                [Dropout(0.1)]
                public partial Dropout drop { get; }

                [Linear(128), GELU]
                public partial Linear fc2 { get; }

                [BatchNorm1d]
                public partial BatchNorm1d bn { get; }

                [Linear("outFeatures")]
                public partial Linear head { get; }
            }
            """;

        private string PlainMlp() => $$"""
            {{PlainUsings}}

            namespace {{Namespace}};

            /// <summary>A three-layer perceptron with dropout and BatchNorm1d for {{mlpIn}} input features.</summary>
            public class Mlp{{k}} : nn.Module<Tensor, Tensor>
            {
                private readonly Linear fc1;
                private readonly Dropout drop;
                private readonly Linear fc2;
                private readonly BatchNorm1d bn;
                private readonly Linear head;

                public Mlp{{k}}(int outFeatures = {{classes}}) : base(nameof(Mlp{{k}}))
                {
                    fc1 = nn.Linear({{mlpIn}}, 256);
                    drop = nn.Dropout(0.1);
                    fc2 = nn.Linear(256, 128);
                    bn = nn.BatchNorm1d(128);
                    head = nn.Linear(128, outFeatures);
                    RegisterComponents();
                }

                public void init_weights()
                {
                    using var noGrad = torch.no_grad();
                    foreach (var module in modules())
                    {
                        if (module is Linear linear)
                        {
                            nn.init.xavier_uniform_(linear.weight);
                            if (linear.bias is not null) nn.init.zeros_(linear.bias);
                        }
                    }
                }

                public override Tensor forward(Tensor input)
                {
                    using var a = fc1.forward(input);
                    using var b = nn.functional.relu(a);
                    using var c = drop.forward(b);
                    using var d = fc2.forward(c);
                    using var e = nn.functional.gelu(d);
                    using var f = bn.forward(e);
                    return head.forward(f);
                }
            }
            """;

        // ---- ResNet: stem, repeated residual stages, another family's Fire, inferred head -----------

        private string ResNet() => $$"""
            {{Usings}}

            namespace {{Namespace}};

            /// <summary>A small ResNet: stem, two stages of Res{{k}}, a Fire{{other}} and a classifier.</summary>
            [Model(Input = [3, 32, 32])]
            [Init<Conv2d>(InitKind.KaimingNormal, Mode = FanMode.FanOut, Nonlinearity = Nonlinearity.ReLU)]
            [Init<BatchNorm2d>(InitKind.Ones, Bias = InitKind.Zeros)]
            public partial class ResNet{{k}} : nn.Module<Tensor, Tensor>
            {
                public partial ResNet{{k}}(int numClasses = {{classes}}, int w = {{c}}, int w2 = {{2 * c}});

                [Block<ConvBnAct{{k}}>(3, "w", 1), MaxPool2d(2, Stride = 2)]
                public partial Sequential stem { get; }

                [Repeat<Res{{k}}>(2, First = ["w", "w", 1, false], Rest = ["w", "w", 1, false])]
                public partial Sequential layer1 { get; }

                [Repeat<Res{{k}}>(2, First = ["w", "w2", 2, true], Rest = ["w2", "w2", 1, false])]
                public partial Sequential layer2 { get; }

                [Block("w2", 16, "w", "w")]
                public partial Fire{{other}} fire { get; }

                [AdaptiveAvgPool2d(1), Flatten, Linear("w2", "numClasses")]
                public partial Linear fc { get; }
            }
            """;

        private string PlainResNet() => $$"""
            {{PlainUsings}}

            namespace {{Namespace}};

            /// <summary>A small ResNet: stem, two stages of Res{{k}}, a Fire{{other}} and a classifier.</summary>
            public class ResNet{{k}} : nn.Module<Tensor, Tensor>
            {
                private readonly Sequential stem;
                private readonly Sequential layer1;
                private readonly Sequential layer2;
                private readonly Fire{{other}} fire;
                private readonly AdaptiveAvgPool2d pool;
                private readonly Linear fc;

                public ResNet{{k}}(int numClasses = {{classes}}, int w = {{c}}, int w2 = {{2 * c}}) : base(nameof(ResNet{{k}}))
                {
                    stem = nn.Sequential(("0", new ConvBnAct{{k}}(3, w, 1)), ("1", nn.MaxPool2d(2, stride: 2)));
                    layer1 = nn.Sequential(("0", new Res{{k}}(w, w, 1, false)), ("1", new Res{{k}}(w, w, 1, false)));
                    layer2 = nn.Sequential(("0", new Res{{k}}(w, w2, 2, true)), ("1", new Res{{k}}(w2, w2, 1, false)));
                    fire = new Fire{{other}}(w2, 16, w, w);
                    pool = nn.AdaptiveAvgPool2d(1);
                    fc = nn.Linear(w2, numClasses);
                    RegisterComponents();
                }

                public void init_weights()
                {
                    using var noGrad = torch.no_grad();
                    foreach (var module in modules())
                    {
                        switch (module)
                        {
                            case Conv2d conv:
                                nn.init.kaiming_normal_(conv.weight, mode: nn.init.FanInOut.FanOut, nonlinearity: nn.init.NonlinearityType.ReLU);
                                break;
                            case BatchNorm2d bn:
                                if (bn.weight is not null) nn.init.ones_(bn.weight);
                                if (bn.bias is not null) nn.init.zeros_(bn.bias);
                                break;
                        }
                    }
                }

                public override Tensor forward(Tensor input)
                {
                    using var a = stem.forward(input);
                    using var b = layer1.forward(a);
                    using var c = layer2.forward(b);
                    using var d = fire.forward(c);
                    using var e = pool.forward(d);
                    using var f = e.flatten(1);
                    return fc.forward(f);
                }
            }
            """;

        // ---- MobileNet: a Sequential of blocks -----------------------------------------------------

        private string MobileNet() => $$"""
            {{Usings}}

            namespace {{Namespace}};

            /// <summary>A small MobileNetV2-like network of ConvBnAct{{k}} and Inv{{k}} blocks.</summary>
            [Model(Input = [3, 32, 32])]
            public partial class MobileNet{{k}} : nn.Module<Tensor, Tensor>
            {
                public partial MobileNet{{k}}(int numClasses = {{classes}});

                [Block<ConvBnAct{{k}}>(3, {{c}}, 2)]
                [Block<Inv{{k}}>({{c}}, {{c}}, {{4 * c}}, 1, true)]
                [Block<Inv{{k}}>({{c}}, {{2 * c}}, {{6 * c}}, 2, false)]
                [Block<Inv{{k}}>({{2 * c}}, {{2 * c}}, {{12 * c}}, 1, true)]
                [Block<ConvBnAct{{k}}>({{2 * c}}, 128, 1)]
                public partial Sequential features { get; }

                [AdaptiveAvgPool2d(1), Flatten]
                public partial AdaptiveAvgPool2d pool { get; }

                [Dropout(0.2), Linear("numClasses")]
                public partial Sequential classifier { get; }
            }
            """;

        private string PlainMobileNet() => $$"""
            {{PlainUsings}}

            namespace {{Namespace}};

            /// <summary>A small MobileNetV2-like network of ConvBnAct{{k}} and Inv{{k}} blocks.</summary>
            public class MobileNet{{k}} : nn.Module<Tensor, Tensor>
            {
                private readonly Sequential features;
                private readonly AdaptiveAvgPool2d pool;
                private readonly Sequential classifier;

                public MobileNet{{k}}(int numClasses = {{classes}}) : base(nameof(MobileNet{{k}}))
                {
                    features = nn.Sequential(
                        ("0", new ConvBnAct{{k}}(3, {{c}}, 2)),
                        ("1", new Inv{{k}}({{c}}, {{c}}, {{4 * c}}, 1, true)),
                        ("2", new Inv{{k}}({{c}}, {{2 * c}}, {{6 * c}}, 2, false)),
                        ("3", new Inv{{k}}({{2 * c}}, {{2 * c}}, {{12 * c}}, 1, true)),
                        ("4", new ConvBnAct{{k}}({{2 * c}}, 128, 1)));
                    pool = nn.AdaptiveAvgPool2d(1);
                    classifier = nn.Sequential(("0", nn.Dropout(0.2)), ("1", nn.Linear(128, numClasses)));
                    RegisterComponents();
                }

                public override Tensor forward(Tensor input)
                {
                    using var a = features.forward(input);
                    using var b = pool.forward(a);
                    using var c = b.flatten(1);
                    return classifier.forward(c);
                }
            }
            """;
    }
}
