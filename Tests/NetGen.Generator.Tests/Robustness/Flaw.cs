namespace NetGen.Generator.Tests.Robustness;

/// <summary>
/// The one declaration-level mistake a random case carries, or <see cref="None"/> for a valid case.
/// Every flaw is an error NetGen must report with an NG diagnostic; the comment names the one it is
/// expected to use today (the test only demands some NG error, so ids may be refined freely).
/// </summary>
/// <remarks>
/// Shape-level mistakes (a channel mismatch, a residual add of different widths) are deliberately not
/// flaws: the builder keeps channels consistent but not ranks or spatial sizes, so the NG01xx shape checks
/// that run when a case declares an <c>Input</c> are survived, not judged; the mutation harness and
/// ShapeDiagnosticTests judge them.
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
    RepeatChoiceOverlap,       // NG0041: [Repeat] alternatives that can both hold, leave a value uncovered, or lack a When
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
    ReservedMemberName,        // NG0011: Keys, Summary, StateSchema, init_weights, register_module, __x, …
    BlockCycle,                // NG0012: the model contains itself, directly or through 1–3 other models
    ModelInheritance,          // NG0018: the model derives from another model
    RepeatTooLong,             // NG0006: more blocks than [Repeat] allows
    InputOverflow,             // NG0006: an Input of more elements than a tensor holds
    FactoryMissingMethod,      // NG0017: [Factory] names no method of the model
    ParameterInGeneratedForward, // NG0015: a [Parameter] member where NetGen writes forward
    ExpressionUnknownName,     // NG0030: an expression naming no hyperparameter
    ExpressionWrongType,       // NG0031: a bool or double expression where a size is expected
    ExpressionFailsAtDefaults, // NG0032 / NG0006: a division by zero, or a size of 0, at the defaults
    ParameterUseUnknown,       // NG0006: Use = (ParameterUse)7
    ShortcutUnknownMember,     // NG0009: [Residual(Through = ...)] on a member, naming no member
    ShortcutBackwards,         // NG0011: [Residual(Through = ...)] naming an earlier member, or with Shortcut =
}
