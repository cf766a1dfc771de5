namespace NetGen.Generator.Expressions;

internal enum ExprErrorKind : byte
{
    /// <summary>The text is not an expression (NG0030).</summary>
    Syntax,

    /// <summary>A name that is not a constructor parameter, or an unknown function (NG0005).</summary>
    UnknownName,

    /// <summary>An operator or function applied to the wrong type, or a result of the wrong type (NG0031).</summary>
    WrongType,

    /// <summary>An integer division or remainder by zero at the values known at compile time (NG0032).</summary>
    DivisionByZero,

    /// <summary>Checked integer arithmetic that overflows at the values known at compile time (NG0032).</summary>
    Overflow,
}

/// <summary>What is wrong with an expression, as a sentence fragment ready for a diagnostic.</summary>
/// <param name="Subject">For an unknown name: the name.</param>
internal sealed record ExprError(ExprErrorKind Kind, string Message, string? Subject = null);
