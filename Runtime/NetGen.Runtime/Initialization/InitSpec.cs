namespace NetGen
{
    /// <summary>
    /// One layer's init rule as the generated <c>init_weights()</c> passes it to <see cref="InitApplier"/>:
    /// the runtime twin of <see cref="InitSpecAttribute"/>, with the same members and the same convention
    /// that an unset numeric argument is <see cref="double.NaN"/> and takes PyTorch's default for the scheme.
    /// </summary>
    /// <param name="Weight">Scheme for the weight; <see cref="InitKind.Default"/> leaves it as constructed.</param>
    /// <param name="Bias">Default, Zeros, Ones or Constant (with <paramref name="BiasValue"/>).</param>
    /// <param name="BiasValue">The bias value when <paramref name="Bias"/> is Constant.</param>
    /// <param name="Gain">Xavier and orthogonal gain (default 1).</param>
    /// <param name="Mean">Normal and trunc_normal mean (default 0).</param>
    /// <param name="Std">Normal and trunc_normal std (default 1); sparse std (default 0.01).</param>
    /// <param name="A">Uniform and trunc_normal lower bound (defaults 0 and −2); Kaiming negative slope (default 0).</param>
    /// <param name="B">Uniform and trunc_normal upper bound (defaults 1 and 2).</param>
    /// <param name="Value">The constant for Constant; required.</param>
    /// <param name="Sparsity">The fraction of zeros per column for Sparse; required.</param>
    /// <param name="Mode">Kaiming fan mode.</param>
    /// <param name="Nonlinearity">Kaiming nonlinearity.</param>
    /// <param name="Groups">Dirac groups.</param>
    public readonly record struct InitSpec(
        InitKind Weight,
        InitKind Bias = InitKind.Default,
        double BiasValue = 0,
        double Gain = double.NaN,
        double Mean = double.NaN,
        double Std = double.NaN,
        double A = double.NaN,
        double B = double.NaN,
        double Value = double.NaN,
        double Sparsity = double.NaN,
        FanMode Mode = FanMode.FanIn,
        Nonlinearity Nonlinearity = Nonlinearity.LeakyReLU,
        int Groups = 1);
}
