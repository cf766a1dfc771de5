using System;
using System.Collections.Generic;

namespace NetGen.GeneratorBenchmark;

/// <summary>
/// A third project, <c>WithNetGenHandWrittenForwards</c>: the same 200 models declared with NetGen's attributes, each
/// with the hand-written <c>forward</c> of its plain TorchSharp twin, word for word. NetGen then writes no forward and
/// follows each hand-written one instead (issue 13), so the project measures what following a forward costs at the
/// scale of the benchmark. The members carry no wiring (no fused activations, <c>[Branch]</c> or <c>[Residual]</c>):
/// the forward does it. Sizes a generated forward would infer are written out, since a hand-written forward leaves
/// members unordered.
/// </summary>
internal static partial class SyntheticProjects
{
    public const string HandWrittenForwards = "WithNetGenHandWrittenForwards";

    private sealed partial class Family
    {
        private const string ForwardUsings = """
            using NetGen;
            using TorchSharp;
            using TorchSharp.Modules;
            using static TorchSharp.torch;
            """;

        public IEnumerable<(string Name, string Source)> ModelsWithHandWrittenForwards()
        {
            yield return ($"ConvBnAct{k}", WithForward(PlainConvBnAct(), $$"""
                [Model(Input = ["inC", 32, 32])]
                public partial class ConvBnAct{{k}} : nn.Module<Tensor, Tensor>
                {
                    public partial ConvBnAct{{k}}(int inC, int outC, int stride);

                    [Conv2d("inC", "outC", 3, Stride = "stride", Padding = 1, Bias = false)]
                    public partial Conv2d conv { get; }

                    [BatchNorm2d("outC")]
                    public partial BatchNorm2d bn { get; }

                    [ReLU(Inplace = true)]
                    public partial ReLU relu { get; }
                """));
            yield return ($"Res{k}", WithForward(PlainRes(), $$"""
                [Model(Input = ["inC", 16, 16])]
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
                """));
            yield return ($"Fire{k}", WithForward(PlainFire(), $$"""
                [Model(Input = ["inplanes", 16, 16])]
                public partial class Fire{{k}} : nn.Module<Tensor, Tensor>
                {
                    public partial Fire{{k}}(int inplanes, int squeezePlanes, int expand1x1Planes, int expand3x3Planes);

                    [Conv2d("inplanes", "squeezePlanes", 1)]
                    public partial Conv2d squeeze { get; }

                    [Conv2d("squeezePlanes", "expand1x1Planes", 1)]
                    public partial Conv2d expand1x1 { get; }

                    [Conv2d("squeezePlanes", "expand3x3Planes", 3, Padding = 1)]
                    public partial Conv2d expand3x3 { get; }
                """));
            yield return ($"Inv{k}", WithForward(PlainInv(), $$"""
                [Model(Input = ["inp", 16, 16])]
                public partial class Inv{{k}} : nn.Module<Tensor, Tensor>
                {
                    public partial Inv{{k}}(int inp, int oup, int hidden, int stride, bool useResidual);

                    [Block<ConvBnAct{{k}}>("inp", "hidden", 1)]
                    [Block<ConvBnAct{{k}}>("hidden", "hidden", "stride")]
                    [Conv2d("hidden", "oup", 1, Bias = false)]
                    [BatchNorm2d("oup")]
                    public partial Sequential conv { get; }
                """));
            yield return ($"Net{k}", WithForward(PlainNet(), $$"""
                [Model(Input = [3, 32, 32])]
                [Init<Conv2d>(InitKind.KaimingNormal, Bias = InitKind.Zeros)]
                [Init<Linear>(InitKind.Normal, Mean = 0, Std = 0.01, Bias = InitKind.Zeros)]
                public partial class Net{{k}} : nn.Module<Tensor, Tensor>
                {
                    public partial Net{{k}}(int numClasses = {{classes}});

                    [Conv2d(3, {{c}}, 3)]
                    public partial Conv2d conv1 { get; }

                    [MaxPool2d(2, Stride = 2)]
                    public partial MaxPool2d pool1 { get; }

                    [Conv2d({{c}}, {{2 * c}}, 3, Padding = 1)]
                    public partial Conv2d conv2 { get; }

                    [MaxPool2d(2, Stride = 2)]
                    public partial MaxPool2d pool2 { get; }

                    [Linear({{2 * c * 7 * 7}}, 128)]
                    public partial Linear fc1 { get; }

                    [Dropout(0.25)]
                    public partial Dropout drop { get; }

                    [Linear(128, "numClasses")]
                    public partial Linear fc2 { get; }
                """));
            yield return ($"Mlp{k}", WithForward(PlainMlp(), $$"""
                [Model(Input = [{{mlpIn}}])]
                [Init<Linear>(InitKind.XavierUniform, Bias = InitKind.Zeros)]
                public partial class Mlp{{k}} : nn.Module<Tensor, Tensor>
                {
                    public partial Mlp{{k}}(int outFeatures = {{classes}});

                    [Linear({{mlpIn}}, 256)]
                    public partial Linear fc1 { get; }

                    [Dropout(0.1)]
                    public partial Dropout drop { get; }

                    [Linear(256, 128)]
                    public partial Linear fc2 { get; }

                    [BatchNorm1d(128)]
                    public partial BatchNorm1d bn { get; }

                    [Linear(128, "outFeatures")]
                    public partial Linear head { get; }
                """));
            yield return ($"ResNet{k}", WithForward(PlainResNet(), $$"""
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

                    [AdaptiveAvgPool2d(1)]
                    public partial AdaptiveAvgPool2d pool { get; }

                    [Linear("w2", "numClasses")]
                    public partial Linear fc { get; }
                """));
            yield return ($"MobileNet{k}", WithForward(PlainMobileNet(), $$"""
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

                    [AdaptiveAvgPool2d(1)]
                    public partial AdaptiveAvgPool2d pool { get; }

                    [Dropout(0.2), Linear(128, "numClasses")]
                    public partial Sequential classifier { get; }
                """));
        }

        /// <summary>
        /// The NetGen declaration (open at its last member) closed by the plain twin's <c>forward</c>, taken from the plain
        /// source so the two projects' forwards cannot drift apart. In every plain class the forward is the last member.
        /// </summary>
        private static string WithForward(string plain, string declaration)
        {
            const string Signature = "    public override Tensor forward(Tensor input)";
            var start = plain.IndexOf(Signature, StringComparison.Ordinal);
            var classEnd = plain.LastIndexOf('}');
            if (start < 0 || classEnd < start)
            {
                throw new InvalidOperationException("a plain model without a forward as its last member");
            }

            return $"{ForwardUsings}\n\nnamespace {Namespace};\n\n{declaration}\n\n{plain.Substring(start, classEnd - start).TrimEnd()}\n}}\n";
        }
    }
}
