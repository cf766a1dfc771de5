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

    /// <summary>
    /// Where a diagnostic's help page is. NetGen has no web site, so there is no help URL: the pages ship in the
    /// package (docs/diagnostics/NGxxxx.md, e.g. ~/.nuget/packages/netgen/&lt;version&gt;/docs/diagnostics/) and in
    /// the repository, and each description says so.
    /// </summary>
    public static string HelpPage(string id) =>
        $"Help: docs/diagnostics/{id}.md, in the NetGen package (~/.nuget/packages/netgen/<version>/docs/diagnostics/{id}.md) and in NetGen's repository.";

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
        "Condition must be a bool expression of the constructor parameters",
        "[When(\"{0}\")] must be a bool condition over the constructor parameters of '{1}': {2}");

    public static readonly DiagnosticDescriptor InvalidStageTable = Error(
        DiagnosticIds.InvalidStageTable, Declaration,
        "Invalid stage table or Sequential child",
        "'{0}' in '{1}': {2}");

    public static readonly DiagnosticDescriptor InvalidRepeatChoice = Error(
        DiagnosticIds.InvalidRepeatChoice, Declaration,
        "Alternative repeated stages must be exclusive and cover every value",
        "'{0}' in '{1}': {2}");

    public static readonly DiagnosticDescriptor InvalidExpression = Error(
        DiagnosticIds.InvalidExpression, Declaration,
        "Invalid expression",
        "'{0}' is not a valid expression in '{1}': {2}");

    public static readonly DiagnosticDescriptor ExpressionTypeMismatch = Error(
        DiagnosticIds.ExpressionTypeMismatch, Declaration,
        "Expression has the wrong type",
        "'{0}' in '{1}': {2}");

    public static readonly DiagnosticDescriptor ExpressionFailsAtDefaults = Error(
        DiagnosticIds.ExpressionFailsAtDefaults, Declaration,
        "Expression fails at the default hyperparameters",
        "'{0}' fails at the default hyperparameters of '{1}': {2}");

    public static readonly DiagnosticDescriptor ConflictingMemberAttributes = Error(
        DiagnosticIds.ConflictingMemberAttributes, Declaration,
        "Conflicting member attributes",
        "'{0}' {1}");

    public static readonly DiagnosticDescriptor BlockCycle = Error(
        DiagnosticIds.BlockCycle, Declaration,
        "A block contains itself",
        "'{0}' contains itself ({1}), so building it would never end; break the cycle");

    public static readonly DiagnosticDescriptor ForeignLayerAttribute = Error(
        DiagnosticIds.ForeignLayerAttribute, Declaration,
        "Not a NetGen layer attribute",
        "[{0}] on '{1}' derives from LayerAttribute, but NetGen creates only the layers it defines; build the module with [Factory(nameof(...))] and a method that returns it");

    public static readonly DiagnosticDescriptor MemberNotCreatable = Error(
        DiagnosticIds.MemberNotCreatable, Declaration,
        "Nothing says how to create the member",
        "'{0}' is a module NetGen must create, but nothing says how: give it a layer attribute, [Block(...)], [Repeat<T>(...)], [Factory(nameof(...))] or [Parameter(...)]");

    public static readonly DiagnosticDescriptor NeedsHandWrittenForward = Error(
        DiagnosticIds.NeedsHandWrittenForward, Declaration,
        "The generated forward cannot call this member",
        "The generated forward cannot use '{0}': {1}; write forward yourself, and NetGen still registers, initialises and saves it");

    public static readonly DiagnosticDescriptor UnregisteredModule = Warning(
        DiagnosticIds.UnregisteredModule, Declaration,
        "Module is never registered",
        "'{0}' holds a module or parameter that nothing registers, so it would be neither trained nor saved; initialise it where it is declared (NetGen registers it then) or declare it with [Factory(nameof(...))]");

    public static readonly DiagnosticDescriptor InvalidFactory = Error(
        DiagnosticIds.InvalidFactory, Declaration,
        "Factory cannot be called",
        "[Factory(\"{0}\")] on '{1}' cannot be used: {2}");

    public static readonly DiagnosticDescriptor ModelInheritance = Error(
        DiagnosticIds.ModelInheritance, Declaration,
        "A model cannot derive from another model",
        "'{0}' derives from the NetGen model '{1}', whose constructor NetGen writes; make '{1}' a [Block] member of '{0}' instead");

    public static readonly DiagnosticDescriptor WiringIgnored = Warning(
        DiagnosticIds.WiringIgnored, Declaration,
        "Wiring attribute has no effect",
        "{0} wires the generated forward, but '{1}' writes its own forward, so it has no effect; remove it or wire it in forward");

    public static readonly DiagnosticDescriptor FileLocalModel = Error(
        DiagnosticIds.FileLocalModel, Declaration,
        "A model cannot be file-local",
        "'{0}' is file-local, but NetGen writes the rest of the class in a file of its own, which cannot see a file-local type; declare it internal or public");

    public static readonly DiagnosticDescriptor ModelTooLarge = Error(
        DiagnosticIds.ModelTooLarge, Declaration,
        "Model structure beyond NetGen's limits",
        "'{0}' {1}; {2}");

    public static readonly DiagnosticDescriptor GeneratorFailure = Error(
        DiagnosticIds.GeneratorFailure, Declaration,
        "NetGen could not generate this model",
        "NetGen could not generate '{0}': {1}. Please report this with the declaration.");

    public static readonly DiagnosticDescriptor ShapeUnchecked = Info(
        DiagnosticIds.ShapeUnchecked, Shapes,
        "Shape unchecked",
        "Shapes of '{0}' are not fully checked: {1}");

    // The message already says what the layer expects and what it receives, so the pair is not repeated.
    public static readonly DiagnosticDescriptor ChannelMismatch = Error(
        DiagnosticIds.ChannelMismatch, Shapes, "Channel mismatch", "{0}; {3}");

    public static readonly DiagnosticDescriptor FeatureMismatch = Error(
        DiagnosticIds.FeatureMismatch, Shapes, "Linear in_features does not match the incoming features", "{0}; {3}");

    public static readonly DiagnosticDescriptor SpatialCollapse = Error(
        DiagnosticIds.SpatialCollapse, Shapes, "Spatial size collapses", ShapeMessage);

    public static readonly DiagnosticDescriptor GroupsDoNotDivide = Error(
        DiagnosticIds.GroupsDoNotDivide, Shapes, "Groups do not divide the channels", ShapeMessage);

    public static readonly DiagnosticDescriptor ResidualShapeMismatch = Error(
        DiagnosticIds.ResidualShapeMismatch, Shapes, "Residual add of unequal shapes", ShapeMessage);

    public static readonly DiagnosticDescriptor ConcatShapeMismatch = Error(
        DiagnosticIds.ConcatShapeMismatch, Shapes, "Concatenated branches differ in size", ShapeMessage);

    public static readonly DiagnosticDescriptor BlockInputMismatch = Error(
        DiagnosticIds.BlockInputMismatch, Shapes, "Block does not fit its input", "Block '{4}' does not fit what it receives: {0}; {3}");

    public static readonly DiagnosticDescriptor ShapeError = Error(
        DiagnosticIds.ShapeError, Shapes, "Shape error", ShapeMessage);

    public static readonly DiagnosticDescriptor CannotInfer = Error(
        DiagnosticIds.CannotInfer, Shapes,
        "Size cannot be inferred",
        "{0} of '{1}' is omitted but cannot be inferred: {2}");

    // Reported once per compilation, at its end (hence the tag), so a build shows one line however many models.
    public static readonly DiagnosticDescriptor UncheckedBoundary = new(
        DiagnosticIds.UncheckedBoundary,
        "Shapes unchecked past NetGen's boundary",
        "NetGen checks shapes only up to its boundary in {0} model(s): {1}; see docs/boundary.md",
        Shapes, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: HelpPage(DiagnosticIds.UncheckedBoundary),
        customTags: WellKnownDiagnosticTags.CompilationEnd);

    public static readonly DiagnosticDescriptor BlockUseMismatch = Warning(
        DiagnosticIds.BlockUseMismatch, Shapes,
        "A use of this block does not fit it",
        "{0} when '{1}' builds it ({2}); {3}");

    public static readonly DiagnosticDescriptor ContractMismatch = Error(
        DiagnosticIds.ContractMismatch, Shapes, "Input does not fit the member's shape contract", "{0}; {3}");

    // A warning, not an error: the check holds for some batch sizes, and a model may be meant for one of them.
    public static readonly DiagnosticDescriptor FitsOneBatchSize = Warning(
        DiagnosticIds.FitsOneBatchSize, Shapes,
        "The forward fits particular batch sizes only",
        "The forward fails for most batch sizes, though [Model] leaves the batch free: with a batch of {1}, {0}; {2}");

    /// <summary>Every descriptor, for the analyzer's SupportedDiagnostics.</summary>
    public static readonly System.Collections.Immutable.ImmutableArray<DiagnosticDescriptor> All = System.Collections.Immutable.ImmutableArray.Create(
        ModelMustBePartial, ModelMustBeModule, MemberMustBePartialProperty, MemberTypeMismatch, UnknownParameter, InvalidArgument,
        ConstructorConflict, EmptyModel, UnknownMember, ConditionMustBeBool, ConflictingMemberAttributes, BlockCycle, ForeignLayerAttribute,
        MemberNotCreatable, NeedsHandWrittenForward, UnregisteredModule, InvalidFactory, ModelInheritance, WiringIgnored, ModelTooLarge, FileLocalModel,
        InvalidExpression, ExpressionTypeMismatch, ExpressionFailsAtDefaults, InvalidStageTable, InvalidRepeatChoice, GeneratorFailure, ShapeUnchecked,
        ChannelMismatch, FeatureMismatch, SpatialCollapse, GroupsDoNotDivide, ResidualShapeMismatch, ConcatShapeMismatch, BlockInputMismatch,
        ShapeError, CannotInfer, UncheckedBoundary, BlockUseMismatch, ContractMismatch, FitsOneBatchSize);

    /// <summary>What failed, expected against actual, and the arithmetic that led there.</summary>
    private const string ShapeMessage = "{0} (expected {1}, actual {2}); {3}";

    private static DiagnosticDescriptor Error(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Error, isEnabledByDefault: true, description: HelpPage(id));

    private static DiagnosticDescriptor Warning(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, description: HelpPage(id));

    private static DiagnosticDescriptor Info(string id, string category, string title, string message) =>
        new(id, title, message, category, DiagnosticSeverity.Info, isEnabledByDefault: true, description: HelpPage(id));
}
