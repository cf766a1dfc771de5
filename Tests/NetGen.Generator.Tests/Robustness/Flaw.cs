namespace NetGen.Generator.Tests.Robustness;

/// <summary>
/// The one declaration-level mistake a random case carries, or <see cref="None"/> for a valid case.
/// Every flaw is an error NetGen must report with an NG diagnostic; the comment names the one it is
/// expected to use today (the test only demands some NG error, so ids may be refined freely).
/// </summary>
/// <remarks>
/// Shape-level mistakes (a channel mismatch, a residual add of different widths) are deliberately not
/// flaws: NetGen's NG01xx shape checks are being written. Once they land, add flaws such as
/// <c>ChannelMismatch</c> (break the running channel count in <see cref="DeclarationBuilder"/>) and give
/// valid models an <c>[Model(Input = ...)]</c> so that the checks run on them too.
/// </remarks>
internal enum Flaw
{
    None,
    ClassNotPartial,           // NG0001
    OuterNotPartial,           // NG0001
    NotAModule,                // NG0002
    PrimaryConstructor,        // NG0007
    ConstructorWithBody,       // NG0007
    TwoPartialConstructors,    // NG0007
    EmptyModel,                // NG0008
    IndexedAndMembers,         // NG0011
    MemberNotPartial,          // NG0003
    MemberWithSetter,          // NG0003
    MemberTypeMismatch,        // NG0004
    SecondStatefulLayer,       // NG0011
    RepeatOnLayerMember,       // NG0004
    BlockOnSequential,         // NG0011
    WhenNotBool,               // NG0010
    WhenUnknown,               // NG0010
    WhenOnNonNullable,         // the member may be absent, so it must be declared nullable
    UnknownShortcut,           // NG0009
    NonPositiveSize,           // NG0006
    NegativePadding,           // NG0006
    DoubleForInt,              // 3.5 where an int is expected
    BoolForInt,                // NG0006
    UnknownHyperparameter,     // NG0005
    PaddingKeywordNotAllowed,  // NG0005: "same" on ConvTranspose2d or a pool
    DropoutOutOfRange,         // NG0006
    UnknownGeluApproximation,  // NG0005
    NonIntParameterAsSize,     // a bool or double constructor parameter used as a size
    BlockWrongArity,           // [Block]/[Repeat] arguments that fit no constructor of the block
    BlockWrongType,            // [Block] argument of the wrong type, e.g. 3.5 for an int
    RepeatZero,                // NG0006
    DuplicateMember,           // two members with one name
}
