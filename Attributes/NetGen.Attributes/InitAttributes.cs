using System;

namespace NetGen
{
    /// <summary>The <c>torch.nn.init</c> schemes NetGen can generate.</summary>
    public enum InitKind
    {
        /// <summary>Keep PyTorch's default initialisation for that layer.</summary>
        Default,
        XavierUniform,
        XavierNormal,
        KaimingUniform,
        KaimingNormal,
        Uniform,
        Normal,
        TruncNormal,
        Constant,
        Zeros,
        Ones,
        Eye,
        Dirac,
        Orthogonal,
        Sparse,
    }

    /// <summary>The nonlinearities <c>torch.nn.init.calculate_gain</c> knows.</summary>
    public enum Nonlinearity
    {
        Linear,
        Conv1d,
        Conv2d,
        Conv3d,
        ConvTranspose1d,
        ConvTranspose2d,
        ConvTranspose3d,
        Sigmoid,
        Tanh,
        ReLU,
        LeakyReLU,
        SELU,
    }

    /// <summary>Whether Kaiming init preserves the variance of the forward or the backward pass.</summary>
    public enum FanMode
    {
        FanIn,
        FanOut,
    }

    /// <summary>
    /// Arguments shared by the init attributes. Unset numeric arguments are <see cref="double.NaN"/> and
    /// take PyTorch's default for the chosen scheme (e.g. <c>b = 1</c> for uniform, <c>b = 2</c> for
    /// trunc_normal).
    /// </summary>
    public abstract class InitSpecAttribute : Attribute
    {
        private protected InitSpecAttribute(InitKind weight) => Weight = weight;

        public InitKind Weight { get; }
        /// <summary>Zeros, Ones, Constant (with <see cref="BiasValue"/>) or Default.</summary>
        public InitKind Bias { get; set; } = InitKind.Default;
        public double BiasValue { get; set; }
        public double Gain { get; set; } = double.NaN;
        public double Mean { get; set; } = double.NaN;
        public double Std { get; set; } = double.NaN;
        /// <summary>Lower bound (uniform, trunc_normal) or negative slope (kaiming).</summary>
        public double A { get; set; } = double.NaN;
        /// <summary>Upper bound (uniform, trunc_normal).</summary>
        public double B { get; set; } = double.NaN;
        public double Value { get; set; } = double.NaN;
        public double Sparsity { get; set; } = double.NaN;
        public FanMode Mode { get; set; } = FanMode.FanIn;
        public Nonlinearity Nonlinearity { get; set; } = Nonlinearity.LeakyReLU;
        /// <summary>Groups for dirac.</summary>
        public int Groups { get; set; } = 1;
    }

    /// <summary>
    /// On a model: how every layer of type <typeparamref name="TLayer"/> (a TorchSharp module type such as
    /// <c>Conv2d</c>) is initialised by the generated <c>init_weights()</c>, including layers inside
    /// blocks that declare no rule of their own for that type.
    /// </summary>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
    public sealed class InitAttribute<TLayer> : InitSpecAttribute
    {
        public InitAttribute(InitKind weight) : base(weight) { }
    }

    /// <summary>On a member: overrides the model's per-type rule for that member's layers.</summary>
    [AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
    public sealed class InitAttribute : InitSpecAttribute
    {
        public InitAttribute(InitKind weight) : base(weight) { }
    }
}
