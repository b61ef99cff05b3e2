namespace ApprovalHub.Workflows.Expressions;

/// <summary>Why an expression or script did not produce a value.</summary>
public enum ExpressionErrorKind
{
    /// <summary>The text is not valid JavaScript (or not a single expression where one is expected).</summary>
    Syntax,

    /// <summary>The code ran and threw: a missing variable (<c>ReferenceError</c>), a property of <c>null</c>, a <c>throw</c>.</summary>
    Runtime,

    /// <summary>The code produced a value of the wrong kind: a condition that is not true or false, a function, <c>NaN</c>.</summary>
    Type,

    /// <summary>The code ran longer than the time limit (or a regular expression did).</summary>
    Timeout,

    /// <summary>The code allocated more memory than allowed, or produced a result that is too large to store.</summary>
    MemoryLimit,

    /// <summary>The code executed more statements than allowed, typically an endless loop.</summary>
    StatementLimit,

    /// <summary>Functions called each other deeper than allowed, typically endless recursion.</summary>
    Recursion,

    /// <summary>The code tried something the sandbox does not allow: building code from text, reaching .NET, setting variables from a condition.</summary>
    Forbidden,
}
