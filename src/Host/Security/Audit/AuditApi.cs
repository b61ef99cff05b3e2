using ApprovalHub.Host.Security.Authorization;
using ApprovalHub.Host.Security.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Security.Audit;

/// <summary><c>/api/audit</c>: read and verify the audit trail. Administrators only; reading it is itself audited.</summary>
public static class AuditApi
{
    private const int MaxLimit = 1000;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var audit = app.MapGroup("/api/audit").WithTags("Audit trail").RequireAuthorization(Policies.ReadAudit);

        audit.MapGet("", ListAsync)
            .WithName("ListAuditRecords")
            .WithSummary("Audit records in chain order, after a sequence number")
            .WithDescription("Page with afterSequence: pass the last sequence you got. Optional actor filters by user name.")
            .ReadsPersonalData();

        audit.MapGet("/verify", VerifyAsync)
            .WithName("VerifyAuditChain")
            .WithSummary("Walks the hash chain and reports the first broken link")
            .WithDescription("The same check as `dotnet run --project src/Host -- audit verify`.");

        return app;
    }

    /// <summary>GET /api/audit</summary>
    public static async Task<Results<Ok<List<AuditRecord>>, ValidationProblem>> ListAsync(
        SecurityDbContext db,
        CancellationToken cancellationToken,
        long afterSequence = 0,
        int limit = 100,
        string? actor = null)
    {
        if (limit is < 1 or > MaxLimit)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = [$"limit is between 1 and {MaxLimit}."] });
        }

        var query = db.AuditRecords.AsNoTracking().Where(r => r.Sequence > afterSequence);
        if (!string.IsNullOrWhiteSpace(actor))
        {
            query = query.Where(r => r.ActorName == actor);
        }

        return TypedResults.Ok(await query.OrderBy(r => r.Sequence).Take(limit).ToListAsync(cancellationToken));
    }

    /// <summary>GET /api/audit/verify</summary>
    public static async Task<Ok<AuditVerification>> VerifyAsync(SecurityDbContext db, CancellationToken cancellationToken) =>
        TypedResults.Ok(await AuditChainVerifier.VerifyAsync(db, cancellationToken));
}
