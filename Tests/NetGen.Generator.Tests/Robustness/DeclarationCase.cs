namespace NetGen.Generator.Tests.Robustness;

/// <summary>One random declaration: its source, and whether it is valid by construction.</summary>
/// <param name="Source">The file under test; it may use the blocks of <see cref="HelperModels"/>.</param>
/// <param name="Flaw">The mistake planted in it, or <see cref="Flaw.None"/>: NetGen must accept it and the output must compile.</param>
internal sealed record DeclarationCase(string Source, Flaw Flaw)
{
    public bool IsValid => Flaw == Flaw.None;

    public override string ToString() => $"{(IsValid ? "valid" : "invalid: " + Flaw)}\n{Source}";
}
