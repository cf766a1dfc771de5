using Microsoft.CodeAnalysis;

namespace NetGen.Generator.Diagnostics;

/// <summary>
/// Every diagnostic NetGen reports. IDs are <c>NG</c> + 4 digits and never reused; each has a help page
/// at <c>docs/diagnostics/NGxxxx.md</c>. Declaration errors are NG00xx, shape checks NG01xx.
/// </summary>
internal static class DiagnosticDescriptors
{
    private const string Declaration = "NetGen.Declaration";
    private const string Shapes = "NetGen.Shapes";

    public const string HelpRoot = "https://github.com/netgen/netgen/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor ModelMustBePartial = Error(
        DiagnosticIds.ModelMustBePartial, Declaration,
        "Model must be partial",
        "'{0}' must be declared partial (with every containing type) so NetGen can generate its constructor and forward");

    public static readonly DiagnosticDescriptor ModelMustBeModule = Error(
        DiagnosticIds.ModelMustBeModule, Declaration,
        "Model must derive from Module<Tensor, Tensor>",
        "'{0}' must derive from TorchSharp's Module<Tensor, Tensor>");

    public static readonly DiagnosticDescriptor MemberMustBePartialProperty = Error(
        DiagnosticIds.MemberMustBePartialProperty, Declaration,
        "Layer member must be a partial property",
        "'{0}' carries NetGen attributes and must be a partial property with only a getter, e.g. 'public partial {1} {0} {{ get; }}'");

    public static readonly DiagnosticDescriptor MemberTypeMismatch = Error(
        DiagnosticIds.MemberTypeMismatch, Declaration,
        "Member type does not match its layer attributes",
        "'{0}' is typed '{1}' but {2}");

    public static readonly DiagnosticDescriptor UnknownParameter = Error(
        DiagnosticIds.UnknownParameter, Declaration,
        "Unknown constructor parameter",
        "'{0}' is not a constructor parameter of '{1}'; known parameters: {2}");

    public static readonly DiagnosticDescriptor InvalidArgument = Error(
        DiagnosticIds.InvalidArgument, Declaration,
        "Invalid layer argument",
        "{0} of {1} {2}");

    public static readonly DiagnosticDescriptor ConstructorConflict = Error(
        DiagnosticIds.ConstructorConflict, Declaration,
        "NetGen writes the model's constructor",
        "'{0}' declares {1}; NetGen writes the constructor, so declare hyperparameters with a partial constructor, e.g. 'public partial {0}(int channels);'");

    public static readonly DiagnosticDescriptor EmptyModel = Error(
        DiagnosticIds.EmptyModel, Declaration,
        "Model declares no layers",
        "'{0}' declares no layer members and no forward of its own");

    public static readonly DiagnosticDescriptor UnknownMember = Error(
        DiagnosticIds.UnknownMember, Declaration,
        "Unknown member",
        "'{0}' names no NetGen member of '{1}'");

    public static readonly DiagnosticDescriptor ConditionMustBeBool = Error(
        DiagnosticIds.ConditionMustBeBool, Declaration,
        "Condition must be a bool constructor parameter",
        "[When(\"{0}\")] must name a bool constructor parameter of '{1}'");

    public static readonly DiagnosticDescriptor ConflictingMemberAttributes = Error(
        DiagnosticIds.ConflictingMemberAttributes, Declaration,
        "Conflicting member attributes",
        "'{0}' {1}");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        DiagnosticIds.GeneratorFailure, Declaration,
        "NetGen could not generate this model",
        "NetGen could not generate '{0}': {1}. Please report this with the declaration.");

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");

    internal static DiagnosticDescriptor Info(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Info, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");

    internal static string ShapeCategory => Shapes;
}
