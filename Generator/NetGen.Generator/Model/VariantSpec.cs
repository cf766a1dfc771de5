namespace NetGen.Generator.Model;

/// <summary>One hyperparameter a factory sets, in the form of a declared default (<c>64</c>, <c>true</c>, an enum's value).</summary>
internal sealed record VariantArgument(string Parameter, string Value);

/// <summary>
/// A static factory of the model, such as <c>public static ResNet ResNet50() =&gt; new(ResNetBlock.Bottleneck, 3, 4, 6, 3);</c>:
/// the hyperparameters it builds the model with, so that NetGen can summarise that variant at compile time as it
/// does the defaults.
/// </summary>
/// <param name="Name">The factory's name, the variant's key in <c>Summary.Variants</c>.</param>
/// <param name="Arguments">The hyperparameters the factory sets; the others keep their defaults.</param>
/// <param name="Unreadable">Why NetGen cannot read the arguments (one is not a constant), or null when it can.</param>
internal sealed record VariantSpec(string Name, EquatableArray<VariantArgument> Arguments, string? Unreadable);
