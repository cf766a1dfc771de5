namespace NetGen.Generator.Model;

/// <summary>
/// One init declaration. <see cref="LayerType"/> is the TorchSharp module type for a per-type rule on
/// the model, or null for a per-member override. Enum values are kept by member name so that the
/// generator needs no reference to the attribute assembly.
/// </summary>
internal sealed record InitRuleSpec(
    string? LayerType,
    string Weight,
    string Bias,
    double BiasValue,
    double Gain,
    double Mean,
    double Std,
    double A,
    double B,
    double Value,
    double Sparsity,
    string Mode,
    string Nonlinearity,
    int Groups);
