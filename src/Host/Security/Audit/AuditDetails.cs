namespace ApprovalHub.Host.Security.Audit;

/// <summary>
/// What an endpoint adds to its own audit record, as a request feature: the sign-in endpoints name
/// the account that was tried (the caller is still anonymous), and creating endpoints the new id.
/// </summary>
public sealed class AuditDetails
{
    /// <summary>The account acted as or on, when the principal does not say.</summary>
    public string? ActorName { get; set; }

    /// <summary>The id of that account.</summary>
    public string? ActorId { get; set; }

    /// <summary>More target details ("user=…", "apiKey=…").</summary>
    public string? Target { get; set; }

    /// <summary>The details of <paramref name="context"/>'s request, created on first use.</summary>
    public static AuditDetails Of(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var details = context.Features.Get<AuditDetails>();
        if (details is null)
        {
            details = new AuditDetails();
            context.Features.Set(details);
        }

        return details;
    }
}
