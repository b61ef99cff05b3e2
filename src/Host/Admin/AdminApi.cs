using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalHub.Admin.Blazor.Components.Admin;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Security.Authorization;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Migration;
using ApprovalHub.Workflows.Runtime.State;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalHub.Host.Admin;

/// <summary>
/// <c>/api/admin</c>: what the analysts' pages do, for scripts and other tools: the definitions
/// overview with instances per version, the element diff between versions, instance search and
/// detail, cancel, start a test instance, and migration (validate, then run). Analysts and
/// administrators only; they see the whole platform. The Blazor pages call the same services.
/// </summary>
public static class AdminApi
{
    /// <summary>Most instances one migration request may name.</summary>
    public const int MaxMigrationInstances = ApprovalHub.Admin.Blazor.Components.Admin.Migration.MigrationPlanLimits.MaxInstances;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var authoring = app.MapGroup("/api/admin/definitions").WithTags("Admin").RequireAuthorization(Policies.AuthorDefinitions);
        authoring.MapGet("", ListDefinitionsAsync)
            .WithName("AdminListDefinitions")
            .WithSummary("Every process key with its versions, running instances per version and its draft");
        authoring.MapGet("/{key}/diff", DiffAsync)
            .WithName("DiffDefinitionVersions")
            .WithSummary("The element diff between two versions")
            .WithDescription("from and to are version numbers; to=draft compares with the draft. Elements are matched by id: added, removed, and changed with each attribute or nested text that differs. The diagram layout is not compared.");

        var operating = app.MapGroup("/api/admin").WithTags("Admin").RequireAuthorization(Policies.OperateEngine);
        operating.MapPost("/definitions/{key}/instances", StartAsync)
            .WithName("AdminStartInstance")
            .WithSummary("Starts an instance (latest version unless one is given), e.g. to try a new version");
        operating.MapGet("/instances", SearchAsync)
            .WithName("AdminSearchInstances")
            .WithSummary("Instances by process, version, status and business key prefix, newest first");
        operating.MapGet("/instances/{id:guid}", GetAsync)
            .WithName("AdminGetInstance")
            .WithSummary("An instance with its diagram state, variables, history, tasks and incidents");
        operating.MapPost("/instances/{id:guid}/cancel", CancelAsync)
            .WithName("AdminCancelInstance")
            .WithSummary("Cancels a running instance; the reason is required and recorded");
        operating.MapPost("/migrations/validate", ValidateMigrationAsync)
            .WithName("ValidateMigration")
            .WithSummary("Checks a migration plan against instances; changes nothing");
        operating.MapPost("/migrations", MigrateAsync)
            .WithName("MigrateInstances")
            .WithSummary("Migrates instances to another version with an activity mapping")
            .WithDescription("Every instance is validated first; if any cannot move, nothing runs (400 with the checks). Otherwise each instance moves in a transaction of its own and the report lists each outcome.");
        return app;
    }

    /// <summary>GET /api/admin/definitions</summary>
    public static async Task<Ok<IReadOnlyList<DefinitionOverview>>> ListDefinitionsAsync(IDesignerService designer, CancellationToken cancellationToken) =>
        TypedResults.Ok(await designer.ListAsync(cancellationToken));

    /// <summary>GET /api/admin/definitions/{key}/diff?from=1&amp;to=2</summary>
    public static async Task<Results<Ok<DefinitionDiff>, ValidationProblem, ProblemHttpResult>> DiffAsync(
        string key,
        int? from,
        string? to,
        IDesignerService designer,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (from is null or < 1)
        {
            errors["from"] = ["Give the older version's number (1 or more)."];
        }

        int? target = null;
        if (to is not "draft")
        {
            if (int.TryParse(to, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= 1)
            {
                target = number;
            }
            else
            {
                errors["to"] = ["Give the newer version's number, or 'draft'."];
            }
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        var diff = await designer.DiffAsync(key, from!.Value, target, cancellationToken);
        return diff is null
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Nothing to compare",
                detail: $"Process definition '{key}' has no version {from}{(target is { } t ? $" or no version {t}" : " or no draft")}.")
            : TypedResults.Ok(diff);
    }

    /// <summary>POST /api/admin/definitions/{key}/instances</summary>
    public static async Task<Results<Created<StartedInstanceResponse>, ValidationProblem, ProblemHttpResult>> StartAsync(
        string key,
        StartInstanceRequest? request,
        IInstanceAdmin instances,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (request?.BusinessKey?.Length > 200)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["businessKey"] = ["At most 200 characters."] });
        }

        try
        {
            var id = await instances.StartAsync(key, request?.Version, request?.BusinessKey, request?.Variables, user.ActorName(), cancellationToken);
            return TypedResults.Created($"/api/admin/instances/{id}", new StartedInstanceResponse(id));
        }
        catch (WorkflowException ex)
        {
            return Refused(ex, "The instance cannot be started");
        }
    }

    /// <summary>GET /api/admin/instances</summary>
    public static async Task<Ok<InstancePage>> SearchAsync(
        string? processKey,
        int? version,
        InstanceStatus? status,
        string? businessKey,
        int? page,
        int? pageSize,
        IInstanceAdmin instances,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(await instances.SearchAsync(new InstanceFilter(processKey, version, status, businessKey), page ?? 1, pageSize ?? 20, cancellationToken));

    /// <summary>GET /api/admin/instances/{id}</summary>
    public static async Task<Results<Ok<InstanceDetail>, ProblemHttpResult>> GetAsync(Guid id, IInstanceAdmin instances, CancellationToken cancellationToken) =>
        await instances.GetAsync(id, cancellationToken) is { } detail
            ? TypedResults.Ok(detail)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such instance", detail: $"Instance {id} does not exist.");

    /// <summary>POST /api/admin/instances/{id}/cancel</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid id,
        CancelInstanceRequest? request,
        IInstanceAdmin instances,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        var reason = request?.Reason?.Trim();
        if (string.IsNullOrEmpty(reason) || reason.Length > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["reason"] = ["Say why the instance is canceled (1 to 500 characters): it is recorded in its history."],
            });
        }

        try
        {
            await instances.CancelAsync(id, reason, user.ActorName(), cancellationToken);
            return TypedResults.NoContent();
        }
        catch (WorkflowException ex)
        {
            return Refused(ex, "The instance cannot be canceled");
        }
    }

    /// <summary>POST /api/admin/migrations/validate</summary>
    public static async Task<Results<Ok<MigrationValidationResponse>, ValidationProblem, ProblemHttpResult>> ValidateMigrationAsync(
        MigrationRequest? request,
        IInstanceAdmin instances,
        CancellationToken cancellationToken)
    {
        if (Check(request) is { } invalid)
        {
            return invalid;
        }

        try
        {
            var checks = await instances.ValidateMigrationAsync(request!.ToPlan(), request.InstanceIds!, cancellationToken);
            return TypedResults.Ok(new MigrationValidationResponse(checks.All(c => c.CanMigrate), checks));
        }
        catch (WorkflowException ex)
        {
            return Refused(ex, "The migration cannot be checked");
        }
    }

    /// <summary>POST /api/admin/migrations</summary>
    public static async Task<Results<Ok<MigrationReport>, ValidationProblem, ProblemHttpResult>> MigrateAsync(
        MigrationRequest? request,
        IInstanceAdmin instances,
        ClaimsPrincipal user,
        CancellationToken cancellationToken)
    {
        if (Check(request) is { } invalid)
        {
            return invalid;
        }

        MigrationReport report;
        try
        {
            report = await instances.MigrateAsync(request!.ToPlan(), request.InstanceIds!, user.ActorName(), cancellationToken);
        }
        catch (WorkflowException ex)
        {
            return Refused(ex, "The migration cannot run");
        }

        if (report.Ran)
        {
            return TypedResults.Ok(report);
        }

        var errors = report.Checks
            .Where(c => !c.CanMigrate)
            .ToDictionary(c => $"instanceIds[{c.InstanceId}]", c => c.Problems.Select(p => p.Message).ToArray(), StringComparer.Ordinal);
        return TypedResults.ValidationProblem(
            errors,
            detail: $"{errors.Count} of {report.Checks.Count} instance(s) cannot move to v{request.TargetVersion}; nothing was migrated.",
            title: "The migration plan does not fit every instance",
            extensions: new Dictionary<string, object?> { ["checks"] = report.Checks });
    }

    private static ValidationProblem? Check(MigrationRequest? request)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request?.ProcessKey))
        {
            errors["processKey"] = ["Name the process whose instances move."];
        }

        if (request?.TargetVersion is null or < 1)
        {
            errors["targetVersion"] = ["Name the version the instances move to (1 or more)."];
        }

        if (request?.InstanceIds is not { Count: > 0 } ids)
        {
            errors["instanceIds"] = ["Select at least one instance."];
        }
        else if (ids.Count > MaxMigrationInstances)
        {
            errors["instanceIds"] = [$"At most {MaxMigrationInstances} instances per request; split the selection."];
        }

        foreach (var (source, target) in request?.Mapping ?? new Dictionary<string, string>())
        {
            if (string.IsNullOrWhiteSpace(source) || string.IsNullOrWhiteSpace(target))
            {
                errors[$"mapping[{source}]"] = ["Each mapping names a source element id and a target element id."];
            }
        }

        return errors.Count == 0 ? null : TypedResults.ValidationProblem(errors);
    }

    private static ProblemHttpResult Refused(WorkflowException exception, string title) => TypedResults.Problem(
        statusCode: exception.Kind switch
        {
            WorkflowErrorKind.NotFound => StatusCodes.Status404NotFound,
            WorkflowErrorKind.Conflict => StatusCodes.Status409Conflict,
            WorkflowErrorKind.Forbidden => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        },
        title: title,
        detail: exception.Message);
}

/// <summary>The body of a start: all optional.</summary>
public sealed record StartInstanceRequest(int? Version, string? BusinessKey, IReadOnlyDictionary<string, JsonNode?>? Variables);

/// <summary>The instance a start created.</summary>
public sealed record StartedInstanceResponse(Guid InstanceId);

/// <summary>The body of a cancel: why.</summary>
public sealed record CancelInstanceRequest(string? Reason);

/// <summary>A migration plan and the instances it applies to.</summary>
/// <param name="ProcessKey">The process whose instances move.</param>
/// <param name="TargetVersion">The version they move to.</param>
/// <param name="InstanceIds">The instances (at most <see cref="AdminApi.MaxMigrationInstances"/>).</param>
/// <param name="Mapping">Source element id → target element id; elements not named keep their id.</param>
public sealed record MigrationRequest(string? ProcessKey, int? TargetVersion, IReadOnlyList<Guid>? InstanceIds, IReadOnlyDictionary<string, string>? Mapping)
{
    internal MigrationPlan ToPlan() => new(ProcessKey!, TargetVersion!.Value, Mapping ?? new Dictionary<string, string>());
}

/// <summary>The outcome of a validation: whether every instance can move, and each one's check.</summary>
public sealed record MigrationValidationResponse(bool Valid, IReadOnlyList<InstanceMigrationCheck> Checks);
