namespace ApprovalHub.Host.Security.Audit;

/// <summary>What a caller did, before it becomes a link of the chain.</summary>
/// <param name="ActorId">The user id, or null when anonymous.</param>
/// <param name="ActorName">The user name.</param>
/// <param name="Roles">Comma-separated roles.</param>
/// <param name="Scope">The caller's scope, described.</param>
/// <param name="RemoteAddress">The client's address.</param>
/// <param name="Action">The command and its route.</param>
/// <param name="Target">The route values it acted on.</param>
/// <param name="StatusCode">The HTTP status of the answer.</param>
public sealed record AuditEntry(
    string? ActorId,
    string ActorName,
    string Roles,
    string Scope,
    string? RemoteAddress,
    string Action,
    string Target,
    int StatusCode)
{
    /// <summary>The outcome word for a status code.</summary>
    public string Outcome => StatusCode switch
    {
        < 400 => "succeeded",
        401 or 403 => "denied",
        404 => "not-found",
        < 500 => "rejected",
        _ => "failed",
    };
}
