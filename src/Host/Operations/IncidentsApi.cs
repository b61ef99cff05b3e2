using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Security.Authorization;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Operations;

/// <summary>
/// <c>/api/incidents</c>: what stopped and why, for operators: list, read, and retry after fixing
/// the variables. A retry is an engine command: the token runs its step again (or, for a job that
/// kept failing, the job gets its runs back), and the incident is marked resolved with who did it.
/// </summary>
public static class IncidentsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapIncidentsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/incidents").WithTags("Incidents").RequireAuthorization(Policies.OperateEngine);
        api.MapGet("", ListAsync)
            .WithName("ListIncidents")
            .WithSummary("Incidents, newest first: unresolved ones unless resolved=true")
            .WithDescription("Filter by instance. Each entry names the element, the error, the attempts and, for stopped jobs, the job.");
        api.MapGet("/{id:guid}", GetAsync)
            .WithName("GetIncident")
            .WithSummary("One incident with its stack trace");
        api.MapPost("/{id:guid}/retry", RetryAsync)
            .WithName("RetryIncident")
            .WithSummary("Retries the step that stopped, after setting the given variables")
            .WithDescription("The body is optional: {\"variables\": {\"name\": value}}. 409 when the incident was already resolved or its instance ended.");
        return app;
    }

    /// <summary>GET /api/incidents</summary>
    public static async Task<Ok<IncidentPage>> ListAsync(
        WorkflowDbContext db,
        Guid? instanceId,
        bool? resolved,
        int? limit,
        CancellationToken cancellationToken)
    {
        var take = Math.Clamp(limit ?? 50, 1, 500);
        var query = db.Incidents.AsNoTracking();
        query = resolved == true ? query.Where(i => i.ResolvedAt != null) : query.Where(i => i.ResolvedAt == null);
        if (instanceId is { } instance)
        {
            query = query.Where(i => i.InstanceId == instance);
        }

        var rows = await query.OrderByDescending(i => i.CreatedAt).ThenByDescending(i => i.Id).Take(take).ToListAsync(cancellationToken);
        return TypedResults.Ok(new IncidentPage(rows.ConvertAll(IncidentView.From)));
    }

    /// <summary>GET /api/incidents/{id}</summary>
    public static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> GetAsync(WorkflowDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var incident = await db.Incidents.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        return incident is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such incident", detail: $"Incident {id} does not exist.")
            : TypedResults.Ok(IncidentView.From(incident, withDetails: true));
    }

    /// <summary>POST /api/incidents/{id}/retry</summary>
    public static async Task<Results<Ok<IncidentView>, ProblemHttpResult>> RetryAsync(
        WorkflowEngine engine,
        WorkflowDbContext db,
        ClaimsPrincipal user,
        Guid id,
        RetryIncidentRequest? request,
        CancellationToken cancellationToken)
    {
        try
        {
            await engine.RetryIncidentAsync(id, request?.Variables, user.ActorName(), cancellationToken);
        }
        catch (WorkflowException ex)
        {
            var status = ex.Kind switch
            {
                WorkflowErrorKind.NotFound => StatusCodes.Status404NotFound,
                WorkflowErrorKind.Conflict => StatusCodes.Status409Conflict,
                _ => StatusCodes.Status400BadRequest,
            };
            return TypedResults.Problem(statusCode: status, title: "The incident cannot be retried", detail: ex.Message);
        }

        var incident = await db.Incidents.AsNoTracking().FirstAsync(i => i.Id == id, cancellationToken);
        return TypedResults.Ok(IncidentView.From(incident, withDetails: false));
    }
}

/// <summary>The body of a retry: variables to set before the step runs again.</summary>
public sealed record RetryIncidentRequest(IReadOnlyDictionary<string, JsonNode?>? Variables);

/// <summary>A page of incidents.</summary>
public sealed record IncidentPage(IReadOnlyList<IncidentView> Items);

/// <summary>An incident as operators see it.</summary>
public sealed record IncidentView(
    Guid Id,
    Guid InstanceId,
    string ElementId,
    IncidentKind Kind,
    string Message,
    int Attempts,
    Guid? JobId,
    DateTimeOffset CreatedAt,
    DateTimeOffset? ResolvedAt,
    string? ResolvedBy,
    string? Details)
{
    internal static IncidentView From(IncidentRecord record) => From(record, withDetails: false);

    internal static IncidentView From(IncidentRecord record, bool withDetails) => new(
        record.Id, record.InstanceId, record.ElementId, record.Kind, record.Message, record.Attempts, record.JobId,
        record.CreatedAt, record.ResolvedAt, record.ResolvedBy, withDetails ? record.Details : null);
}
