namespace NetGen.Generator.Tests.Robustness;

/// <summary>
/// Valid NetGen models that random cases use as <c>[Block]</c> members and <c>[Repeat&lt;T&gt;]</c> stages.
/// They compile alongside every case, so they are generated every time as well.
/// </summary>
internal static class HelperModels
{
    public const string Namespace = "Robust.Helpers";

    /// <summary>The constructor of <c>Unit</c>: two required ints, then two defaults.</summary>
    public const int UnitRequired = 2, UnitTotal = 4;

    public const string Source = """
        using NetGen;
        using TorchSharp.Modules;
        using static TorchSharp.torch;

        namespace Robust.Helpers;

        /// <summary>A residual unit: relu(main(x) + (proj(x) or x)).</summary>
        [Model]
        [Residual(Shortcut = "proj", Activation = Activation.ReLU)]
        public partial class Unit : nn.Module<Tensor, Tensor>
        {
            public partial Unit(int inChannels, int outChannels, int stride = 1, bool projection = false);

            [Conv2d("inChannels", "outChannels", 3, Stride = "stride", Padding = 1, Bias = false)]
            [BatchNorm2d("outChannels")]
            [ReLU(Inplace = true)]
            public partial Sequential main { get; }

            [When("projection")]
            [Conv2d("inChannels", "outChannels", 1, Stride = "stride", Bias = false)]
            public partial Sequential? proj { get; }
        }

        /// <summary>A dense block's layer: <c>growth</c> new channels from whatever it receives.</summary>
        [Model]
        public partial class Grow : nn.Module<Tensor, Tensor>
        {
            public partial Grow(int inChannels, int growth);

            [Conv2d("inChannels", "growth", 3, Padding = 1), ReLU]
            public partial Sequential body { get; }
        }

        /// <summary>A block with no hyperparameters.</summary>
        [Model]
        [ReLU]
        public partial class Plain : nn.Module<Tensor, Tensor>
        {
        }

        /// <summary>A base class between a model and Module: still a Module&lt;Tensor, Tensor&gt;.</summary>
        public abstract class ModuleBase : nn.Module<Tensor, Tensor>
        {
            protected ModuleBase(string name) : base(name) { }
        }
        """;
}
