namespace NetGen.Generator.Parsing;

/// <summary>Metadata names the parser recognises.</summary>
internal static class KnownNames
{
    public const string ModelAttribute = "NetGen.ModelAttribute";
    public const string LayerAttributeBase = "NetGen.LayerAttribute";
    public const string BlockAttribute = "NetGen.BlockAttribute";
    public const string RepeatAttribute = "NetGen.RepeatAttribute`1";
    public const string ResidualAttribute = "NetGen.ResidualAttribute";
    public const string BranchAttribute = "NetGen.BranchAttribute";
    public const string WhenAttribute = "NetGen.WhenAttribute";
    public const string InitAttribute = "NetGen.InitAttribute";
    public const string InitOfTypeAttribute = "NetGen.InitAttribute`1";

    public const string TorchModulesNamespace = "TorchSharp.Modules";
    public const string Sequential = "TorchSharp.Modules.Sequential";
    public const string ModuleOfTensor = "TorchSharp.torch+nn+Module`2";
    public const string Tensor = "TorchSharp.torch+Tensor";
}
