using System.ComponentModel.DataAnnotations;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Security.Scope;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Alarms;
using ApprovalHub.Supervision.Iot.Messages;
using ApprovalHub.Supervision.Iot.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// <c>/api/iot</c>: device secrets (the device's use unit or an administrator) and alarms (whoever's
/// scope covers the device: regulators of its region, its use unit and maintenance unit).
/// </summary>
internal static class IotApi
{
    public static IEndpointRouteBuilder MapIotApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/iot").WithTags("IoT").RequireAuthorization();
        api.MapPost("/devices/{code}/credentials", IssueAsync).WithName("IssueDeviceCredentials")
            .WithSummary("Issue (or rotate) a device's MQTT secret")
            .WithDescription("The secret is in this answer only; the platform keeps its hash. User name = 设备代码. Allowed for the device's use unit and administrators.");
        api.MapGet("/alarms", ListAsync).WithName("ListAlarms")
            .WithSummary("Alarms in the caller's scope, newest first")
            .WithDescription("status: open (pending, active, acknowledged; default) or all. region: a region code prefix inside the caller's scope. device: 设备代码.");
        api.MapGet("/alarms/{id:guid}", GetAsync).WithName("GetAlarm").WithSummary("One alarm");
        api.MapPost("/alarms/{id:guid}/acknowledge", AcknowledgeAsync).WithName("AcknowledgeAlarm").WithSummary("Acknowledge an active alarm (确认告警)");
        return app;
    }

    /// <summary>What a device needs to connect.</summary>
    public sealed record IssuedCredentials(string EquipmentCode, string Username, string Secret, string TelemetryTopic, string EventsTopic);

    /// <summary>An alarm as the API shows it.</summary>
    public sealed record AlarmView(
        Guid Id, string EquipmentCode, long DeviceId, string RegionCode, string Type, string Name, string FaultCode, AlarmSeverity Severity,
        AlarmStatus Status, DateTimeOffset RaisedAt, DateTimeOffset? ActivatedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy,
        DateTimeOffset? ClearedAt, string? ClearReason, int Occurrences, DateTimeOffset LastOccurredAt, Guid? CaseInstanceId);

    /// <summary>A page of alarms.</summary>
    public sealed record AlarmPage(IReadOnlyList<AlarmView> Items);

    private static async Task<Results<Created<IssuedCredentials>, NotFound<ProblemDetails>, ForbidHttpResult, ValidationProblem>> IssueAsync(
        string code, HttpContext http, DeviceCredentials credentials, ICallerScopeAccessor scopes, CancellationToken cancellationToken)
    {
        if (!IotTopics.TryParse(IotTopics.Events(code), out _, out _))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["code"] = ["设备代码 has 18 capital letters or digits (catalog, manufacturer, year, sequence)."] });
        }

        var admin = http.User.IsInRole(Roles.Admin);
        var (secret, failure) = await credentials.IssueAsync(code, admin ? AccessScope.Unrestricted : scopes.Current, admin, http.User.Identity?.Name ?? "unknown", cancellationToken);
        return failure switch
        {
            DeviceCredentials.IssueFailure.NotFound => TypedResults.NotFound(NotFoundProblem($"No device {code} in your scope.")),
            DeviceCredentials.IssueFailure.Forbidden => TypedResults.Forbid(),
            _ => TypedResults.Created($"/api/iot/devices/{code}/credentials",
                new IssuedCredentials(code, code, secret!, IotTopics.Telemetry(code), IotTopics.Events(code))),
        };
    }

    private static async Task<Results<Ok<AlarmPage>, ValidationProblem>> ListAsync(
        IotDbContext db, ICallerScopeAccessor scopes, AlarmRuleSet rules, string? status, string? region, string? device,
        [Range(1, 500)] int? limit, CancellationToken cancellationToken)
    {
        if (status is not (null or "open" or "all"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["status is open or all."] });
        }

        if (limit is < 1 or > 500)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["limit"] = ["limit is between 1 and 500."] });
        }

        var query = Scoped(db, scopes.Current);
        if (status != "all")
        {
            query = query.Where(a => a.ClearedAt == null);
        }

        if (!string.IsNullOrWhiteSpace(region))
        {
            var prefix = AccessScope.SignificantPrefix(region.Trim());
            query = query.Where(a => a.RegionCode.StartsWith(prefix));
        }

        if (!string.IsNullOrWhiteSpace(device))
        {
            query = query.Where(a => a.EquipmentCode == device.Trim());
        }

        var rows = await query.OrderByDescending(a => a.RaisedAt).Take(limit ?? 100).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AlarmPage([.. rows.Select(a => View(a, rules))]));
    }

    private static async Task<Results<Ok<AlarmView>, NotFound<ProblemDetails>>> GetAsync(
        Guid id, IotDbContext db, ICallerScopeAccessor scopes, AlarmRuleSet rules, CancellationToken cancellationToken)
    {
        var alarm = await Scoped(db, scopes.Current).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        return alarm is null ? TypedResults.NotFound(NotFoundProblem("No such alarm in your scope.")) : TypedResults.Ok(View(alarm, rules));
    }

    private static async Task<Results<Ok<AlarmView>, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> AcknowledgeAsync(
        Guid id, HttpContext http, IotDbContext db, AlarmLedger ledger, ICallerScopeAccessor scopes, AlarmRuleSet rules, CancellationToken cancellationToken)
    {
        if (!await Scoped(db, scopes.Current).AnyAsync(a => a.Id == id, cancellationToken))
        {
            return TypedResults.NotFound(NotFoundProblem("No such alarm in your scope."));
        }

        try
        {
            var alarm = await ledger.AcknowledgeAsync(id, http.User.Identity?.Name ?? "unknown", cancellationToken);
            return alarm is null ? TypedResults.NotFound(NotFoundProblem("No such alarm in your scope.")) : TypedResults.Ok(View(alarm, rules));
        }
        catch (IllegalAlarmTransitionException ex)
        {
            return TypedResults.Conflict(new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict,
                Title = "The alarm cannot be acknowledged",
                Detail = ex.Message,
            });
        }
    }

    private static IQueryable<Alarm> Scoped(IotDbContext db, AccessScope scope) =>
        db.Alarms.AsNoTracking().WithinScope(scope, a => a.RegionCode, a => a.UserOrganisationId, a => a.MaintenanceOrganisationId);

    private static AlarmView View(Alarm a, AlarmRuleSet rules) => new(
        a.Id, a.EquipmentCode, a.DeviceId, a.RegionCode, a.Type, rules.Find(a.Type)?.NameZh ?? a.Type, a.FaultCode, a.Severity, a.Status,
        a.RaisedAt, a.ActivatedAt, a.AcknowledgedAt, a.AcknowledgedBy, a.ClearedAt, a.ClearReason, a.Occurrences, a.LastOccurredAt, a.CaseInstanceId);

    private static ProblemDetails NotFoundProblem(string detail) => new() { Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = detail };
}
