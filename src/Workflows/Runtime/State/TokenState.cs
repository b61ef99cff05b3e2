namespace ApprovalHub.Workflows.Runtime.State;

/// <summary>
/// A token: a thread of control at one element of one scope. Ids are short and unique within the
/// instance ("t12"), which keeps the persisted state small.
/// </summary>
public sealed class TokenState
{
    /// <summary>Id unique within the instance.</summary>
    public required string Id { get; init; }

    /// <summary>The scope the token runs in.</summary>
    public required string ScopeId { get; set; }

    /// <summary>The element the token is at.</summary>
    public required string ElementId { get; set; }

    /// <summary>What the token is doing there.</summary>
    public TokenStatus Status { get; set; }

    /// <summary>The sequence flow the token arrived by (joins count arrivals per flow).</summary>
    public string? ArrivedVia { get; set; }

    /// <summary>For a token waiting at a user task: the task row's id.</summary>
    public Guid? TaskId { get; set; }

    /// <summary>For a token waiting at a call activity: the called instance.</summary>
    public Guid? ChildInstanceId { get; set; }

    /// <summary>For a token waiting at a scope activity (subprocess, multi-instance): the scope it opened.</summary>
    public string? ChildScopeId { get; set; }

    /// <summary>
    /// True while message subscriptions or timer jobs exist for the token, so leaving an element
    /// only costs a delete in the store when there is something to delete.
    /// </summary>
    public bool Listening { get; set; }

    /// <summary>
    /// Set when the token resumes from a continuation job: which attempt runs the element now. Zero
    /// when the token arrived by a flow, so an <c>ah:async</c> element knows to defer itself first.
    /// </summary>
    public int Attempt { get; set; }

    /// <summary>A copy, so a command can work on state without touching the last committed snapshot.</summary>
    public TokenState Clone() => (TokenState)MemberwiseClone();
}
