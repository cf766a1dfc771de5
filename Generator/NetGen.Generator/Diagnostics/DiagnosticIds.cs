namespace NetGen.Generator.Diagnostics;

/// <summary>Diagnostic IDs as constants, shared with the code fixes.</summary>
public static class DiagnosticIds
{
    public const string ModelMustBePartial = "NG0001";
    public const string ModelMustBeModule = "NG0002";
    public const string MemberMustBePartialProperty = "NG0003";
    public const string MemberTypeMismatch = "NG0004";
    public const string UnknownParameter = "NG0005";
    public const string InvalidArgument = "NG0006";
    public const string ConstructorConflict = "NG0007";
    public const string EmptyModel = "NG0008";
    public const string UnknownMember = "NG0009";
    public const string ConditionMustBeBool = "NG0010";
    public const string ConflictingMemberAttributes = "NG0011";
    public const string BlockCycle = "NG0012";
    public const string ForeignLayerAttribute = "NG0013";
    public const string MemberNotCreatable = "NG0014";
    public const string NeedsHandWrittenForward = "NG0015";
    public const string UnregisteredModule = "NG0016";
    public const string InvalidFactory = "NG0017";
    public const string ModelInheritance = "NG0018";
    public const string WiringIgnored = "NG0019";
    public const string ModelTooLarge = "NG0020";
    public const string FileLocalModel = "NG0021";
    public const string InvalidExpression = "NG0030";
    public const string ExpressionTypeMismatch = "NG0031";
    public const string ExpressionFailsAtDefaults = "NG0032";
    public const string InvalidStageTable = "NG0040";
    public const string InvalidRepeatChoice = "NG0041";
    public const string GeneratorFailure = "NG0099";
    public const string ShapeUnchecked = "NG0100";
    public const string ChannelMismatch = "NG0101";
    public const string FeatureMismatch = "NG0102";
    public const string SpatialCollapse = "NG0103";
    public const string GroupsDoNotDivide = "NG0104";
    public const string ResidualShapeMismatch = "NG0105";
    public const string ConcatShapeMismatch = "NG0106";
    public const string BlockInputMismatch = "NG0107";
    public const string ShapeError = "NG0108";
    public const string CannotInfer = "NG0109";
    public const string UncheckedBoundary = "NG0110";
    public const string BlockUseMismatch = "NG0111";
    public const string ContractMismatch = "NG0112";
    public const string FitsOneBatchSize = "NG0113";
}
