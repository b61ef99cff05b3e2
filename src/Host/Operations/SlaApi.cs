using ApprovalHub.Host.Security.Authorization;
using ApprovalHub.Host.Security.Scope;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Sla;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Operations;

/// <summary><c>/api/sla/statistics</c>: the per-unit, per-region SLA snapshot the SLA job keeps.</summary>
public static class SlaApi
{
    /// <summary>Maps the endpoint.</summary>
    public static IEndpointRouteBuilder MapSlaApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/sla/statistics", ListAsync)
            .WithTags("SLA")
            .RequireAuthorization(Policies.ReadSlaStatistics)
            .WithName("ListSlaStatistics")
            .WithSummary("On-time rate and open tasks by SLA state, per process and region")
            .WithDescription("regionPrefix selects a region and everything under it (\"3301\": Hangzhou); a regulator only ever sees rows under its own region. Rows are as of the last SLA job run (computedAt).");
        return app;
    }

    /// <summary>GET /api/sla/statistics</summary>
    public static async Task<Ok<IReadOnlyList<SlaStatisticView>>> ListAsync(
        WorkflowDbContext db, ICallerScopeAccessor scopes, string? processKey, string? regionPrefix, CancellationToken cancellationToken)
    {
        var query = db.SlaStatistics.AsNoTracking();
        var scope = scopes.Current;
        if (!scope.IsUnrestricted)
        {
            // Statistics are per region; an organisation-scoped caller has none of its own here.
            var own = scope.Kind == ScopeKind.Restricted ? scope.RegionPrefix : null;
            query = own is null ? query.Where(_ => false) : query.Where(s => s.RegionCode.StartsWith(own));
        }

        if (!string.IsNullOrWhiteSpace(processKey))
        {
            query = query.Where(s => s.ProcessKey == processKey);
        }

        if (!string.IsNullOrWhiteSpace(regionPrefix))
        {
            query = query.Where(s => s.RegionCode.StartsWith(regionPrefix));
        }

        var rows = await query.OrderBy(s => s.ProcessKey).ThenBy(s => s.RegionCode).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SlaStatisticView>>(rows.ConvertAll(SlaStatisticView.From));
    }
}

/// <summary>One statistics row.</summary>
public sealed record SlaStatisticView(
    string ProcessKey, string RegionCode, int OpenNormal, int OpenWarning, int OpenOverdue, int OpenEscalated,
    int Completed, int CompletedOnTime, double? OnTimeRate, DateTimeOffset ComputedAt)
{
    internal static SlaStatisticView From(SlaStatisticRecord r) => new(
        r.ProcessKey, r.RegionCode, r.OpenNormal, r.OpenWarning, r.OpenOverdue, r.OpenEscalated, r.Completed, r.CompletedOnTime, r.OnTimeRate, r.ComputedAt);
}
