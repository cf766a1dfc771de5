using NetGen.Generator.Model;
using NetGen.Generator.Shapes;

namespace NetGen.Generator.Analysis;

/// <summary>
/// One state-dict entry known at compile time. Dimensions are constants, parameters of the model, or
/// unknown. <see cref="Member"/> is the model's own member it belongs to. <see cref="IsCertain"/> is false for
/// an entry that exists only for some hyperparameters the analysis could not fix (the second block of a
/// stage whose depth is a hyperparameter): such an entry gets no typed key.
/// </summary>
internal sealed record StateEntrySpec(string Key, EquatableArray<Dim> Shape, string DType, bool IsBuffer, string Member, bool IsCertain);
