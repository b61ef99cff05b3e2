namespace ApprovalHub.Supervision.Cases.Contracts;

/// <summary>Why a case command or query was refused; the API maps it to 404, 403, 409 or 400.</summary>
public enum CaseErrorKind
{
    /// <summary>No such case, task or draft — or one outside the caller's scope, which must look the same.</summary>
    NotFound,

    /// <summary>The caller sees it but may not do this (not a candidate, not the holder, wrong role or level).</summary>
    Forbidden,

    /// <summary>The case or task is not in a state that allows it (already claimed, completed, acted on).</summary>
    Conflict,

    /// <summary>The input is wrong; <see cref="CaseException.Errors"/> says which fields.</summary>
    Invalid,
}

/// <summary>
/// The one refusal of the case application layer (queues, task actions, applications), the same
/// for the HTTP API and the Blazor pages. Messages are for the person who acted (Chinese).
/// </summary>
public sealed class CaseException : Exception
{
    public CaseException(CaseErrorKind kind, string message, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(message)
    {
        Kind = kind;
        Errors = errors ?? new Dictionary<string, string[]>();
    }

    public CaseException()
        : this(CaseErrorKind.Invalid, "请求无效。")
    {
    }

    public CaseException(string message)
        : this(CaseErrorKind.Invalid, message)
    {
    }

    public CaseException(string message, Exception innerException)
        : base(message, innerException)
    {
        Kind = CaseErrorKind.Invalid;
        Errors = new Dictionary<string, string[]>();
    }

    /// <summary>What kind of refusal.</summary>
    public CaseErrorKind Kind { get; }

    /// <summary>Field errors (path → messages), the shape of ValidationProblemDetails.Errors.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    /// <summary>A field error: 400 with <paramref name="field"/> → <paramref name="message"/>.</summary>
    public static CaseException Field(string field, string message) =>
        new(CaseErrorKind.Invalid, message, new Dictionary<string, string[]> { [field] = [message] });

    /// <summary>Not found (or out of scope).</summary>
    public static CaseException NotFound(string message) => new(CaseErrorKind.NotFound, message);

    /// <summary>Refused for this caller.</summary>
    public static CaseException Forbidden(string message) => new(CaseErrorKind.Forbidden, message);

    /// <summary>Refused in this state.</summary>
    public static CaseException Conflict(string message) => new(CaseErrorKind.Conflict, message);
}
