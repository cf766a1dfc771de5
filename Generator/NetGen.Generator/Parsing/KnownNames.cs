namespace NetGen.Generator.Parsing;

/// <summary>Metadata names the parser recognises.</summary>
internal static class KnownNames
{
    /// <summary>The assembly that defines every NetGen attribute; a look-alike elsewhere is not NetGen's.</summary>
    public const string AttributesAssembly = "NetGen.Attributes";

    public const string ModelAttribute = "NetGen.ModelAttribute";
    public const string LayerAttributeBase = "NetGen.LayerAttribute";
    public const string BlockAttribute = "NetGen.BlockAttribute";
    public const string BlockOfTAttribute = "NetGen.BlockAttribute`1";
    public const string RepeatAttribute = "NetGen.RepeatAttribute`1";
    public const string ResidualAttribute = "NetGen.ResidualAttribute";
    public const string BranchAttribute = "NetGen.BranchAttribute";
    public const string AuxiliaryAttribute = "NetGen.AuxiliaryAttribute";
    public const string WhenAttribute = "NetGen.WhenAttribute";
    public const string ForEachAttribute = "NetGen.ForEachAttribute";
    public const string DenseBlockAttribute = "NetGen.DenseBlockAttribute`1";
    public const string StageAttribute = "NetGen.StageAttribute`1";
    public const string InitAttribute = "NetGen.InitAttribute";
    public const string InitOfTypeAttribute = "NetGen.InitAttribute`1";
    public const string FactoryAttribute = "NetGen.FactoryAttribute";
    public const string ParameterAttribute = "NetGen.ParameterAttribute";
    public const string ContractAttribute = "NetGen.ContractAttribute";
    public const string ModelDescriptorAttribute = "NetGen.ModelDescriptorAttribute";

    public const string TorchModulesNamespace = "TorchSharp.Modules";
    public const string Sequential = "TorchSharp.Modules.Sequential";
    public const string Parameter = "TorchSharp.Modules.Parameter";
    public const string Module = "TorchSharp.torch+nn+Module";
    public const string ModuleOfTensor = "TorchSharp.torch+nn+Module`2";
    public const string ModuleList = "TorchSharp.Modules.ModuleList`1";
    public const string Tensor = "TorchSharp.torch+Tensor";
    public const string Scalar = "TorchSharp.Scalar";
}
