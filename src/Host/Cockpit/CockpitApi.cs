using System.Globalization;
using ApprovalHub.Host.Registry;
using ApprovalHub.Host.Security.Authorization;
using ApprovalHub.Host.Security.Scope;
using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalHub.Host.Cockpit;

/// <summary>
/// The smart control centre's API under <c>/api/cockpit</c>: the figures of a region (the caller's
/// own by default), the device and warning lists behind them, a device's risk explained, Excel
/// exports, and an on-demand recompute. Regulators read their region and below; a region beside or
/// above theirs is 403.
/// </summary>
internal static class CockpitApi
{
    /// <summary>Who reads the cockpit: regulators (their region), analysts and administrators.</summary>
    public const string ReadPolicy = "cockpit.read";

    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapCockpitApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/cockpit").WithTags("Cockpit").RequireAuthorization(ReadPolicy).AddEndpointFilter<RegistryProblems>();

        api.MapGet("/", LoadAsync).WithName("GetCockpit")
            .WithSummary("The cockpit of a region: figures, children, devices by category, SLA per unit, warnings, 12-month trends")
            .WithDescription("region: any region code at or under the caller's own (default: the caller's own). Every figure carries the API query of the list behind it.");
        api.MapGet("/devices", DevicesAsync).WithName("ListCockpitDevices")
            .WithSummary("The devices behind a figure (keyset paging)")
            .WithDescription("filter: tracked, inUse, overdue, dueSoon, riskBlue, riskYellow, riskOrange, riskRed, hazardsOpen, hazardsSerious, hazardsUpTo30Days, hazards31To90Days, hazardsOver90Days, alarmsToday.");
        api.MapGet("/devices/export", ExportDevicesAsync).WithName("ExportCockpitDevices").WithSummary("The devices behind a figure as .xlsx (at most 10,000)");
        api.MapGet("/devices/{id:long}/risk", ExplainAsync).WithName("GetDeviceRisk").WithSummary("A device's risk score explained, factor by factor");
        api.MapGet("/warnings", WarningsAsync).WithName("ListCockpitWarnings")
            .WithSummary("Warnings of a region (keyset paging)")
            .WithDescription("rule: inspection-due, inspection-overdue, maintenance-missed, operator-certificate, risk-red, repeated-entrapment; state: open (default), closed, all; month: yyyy-MM (opened in).");
        api.MapGet("/warnings/export", ExportWarningsAsync).WithName("ExportCockpitWarnings").WithSummary("Warnings as .xlsx (at most 10,000)");
        api.MapGet("/warnings/{id:long}", WarningAsync).WithName("GetCockpitWarning").WithSummary("A warning with its record (opened, case, updates, closure)");
        api.MapGet("/rules", Rules).WithName("ListWarningRules").WithSummary("The warning rules: owner, BPMN path, source");
        api.MapGet("/export", ExportTableAsync).WithName("ExportCockpitTable")
            .WithSummary("A cockpit table as .xlsx").WithDescription("table: regions, devices, sla, warnings, trends.");
        api.MapPost("/recompute", RecomputeAsync).WithName("RecomputeCockpit").RequireAuthorization(Policies.OperateEngine)
            .WithSummary("Run the full recompute now (what the nightly job does): scores, warnings and their cases, figures, trends");
        return app;
    }

    /// <summary>Query-string parameters of the device list.</summary>
    internal sealed record DeviceParameters(string? Region, string? Filter, string? Category, long? After, int? Limit);

    /// <summary>Query-string parameters of the warning list.</summary>
    internal sealed record WarningParameters(string? Region, string? Rule, string? State, string? Month, long? After, int? Limit);

    private static async Task<Results<Ok<CockpitView>, NotFound>> LoadAsync(string? region, ICallerScopeAccessor scopes, CockpitQueries queries, CancellationToken cancellationToken) =>
        await queries.LoadAsync(scopes.Current, region, cancellationToken) is { } view ? TypedResults.Ok(view) : TypedResults.NotFound();

    private static async Task<Ok<DeviceListPage>> DevicesAsync(
        [AsParameters] DeviceParameters parameters, ICallerScopeAccessor scopes, CockpitQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.DevicesAsync(scopes.Current, ToQuery(parameters), cancellationToken));

    private static async Task<FileContentHttpResult> ExportDevicesAsync(
        [AsParameters] DeviceParameters parameters, ICallerScopeAccessor scopes, CockpitExcel excel, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = ToQuery(parameters);
        var bytes = await excel.DevicesAsync(scopes.Current, query, cancellationToken);
        return TypedResults.File(bytes, XlsxType, CockpitExcel.FileName("设备清单", query.Region, time.Today()));
    }

    private static async Task<Results<Ok<RiskExplanation>, NotFound>> ExplainAsync(
        long id, ICallerScopeAccessor scopes, CockpitQueries queries, RiskModel model, CancellationToken cancellationToken) =>
        await queries.ExplainAsync(scopes.Current, id, model, cancellationToken) is { } explanation ? TypedResults.Ok(explanation) : TypedResults.NotFound();

    private static async Task<Ok<WarningListPage>> WarningsAsync(
        [AsParameters] WarningParameters parameters, ICallerScopeAccessor scopes, CockpitQueries queries, CancellationToken cancellationToken) =>
        TypedResults.Ok(await queries.WarningsAsync(scopes.Current, ToQuery(parameters), cancellationToken));

    private static async Task<FileContentHttpResult> ExportWarningsAsync(
        [AsParameters] WarningParameters parameters, ICallerScopeAccessor scopes, CockpitExcel excel, TimeProvider time, CancellationToken cancellationToken)
    {
        var query = ToQuery(parameters);
        var bytes = await excel.WarningsAsync(scopes.Current, query, cancellationToken);
        return TypedResults.File(bytes, XlsxType, CockpitExcel.FileName("预警清单", query.Region, time.Today()));
    }

    private static async Task<Results<Ok<WarningDetails>, NotFound>> WarningAsync(
        long id, ICallerScopeAccessor scopes, CockpitQueries queries, CancellationToken cancellationToken) =>
        await queries.WarningAsync(scopes.Current, id, cancellationToken) is { } warning ? TypedResults.Ok(warning) : TypedResults.NotFound();

    private static Ok<IReadOnlyList<WarningRuleDefinition>> Rules() => TypedResults.Ok(WarningRules.All);

    private static async Task<Results<FileContentHttpResult, NotFound>> ExportTableAsync(
        string? region, string? table, ICallerScopeAccessor scopes, CockpitQueries queries, CockpitExcel excel, TimeProvider time, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var which = Parse<CockpitTable>(table, "table", errors) ?? CockpitTable.Regions;
        errors.ThrowIfAny();
        var code = string.IsNullOrWhiteSpace(region) ? (await queries.HomeAsync(scopes.Current, cancellationToken)).Code : region.Trim();
        var bytes = await excel.TableAsync(scopes.Current, code, which, cancellationToken);
        return bytes is null
            ? TypedResults.NotFound()
            : TypedResults.File(bytes, XlsxType, CockpitExcel.FileName(CockpitExcel.SheetName(which), code, time.Today()));
    }

    private static async Task<Ok<RecomputeRun>> RecomputeAsync(IRiskRecalculator recalculator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await recalculator.RecomputeAllAsync("manual", cancellationToken));

    private static DeviceListQuery ToQuery(DeviceParameters p)
    {
        var errors = new FieldErrors();
        var filter = Parse<DeviceListFilter>(p.Filter, "filter", errors) ?? DeviceListFilter.Tracked;
        var category = Parse<EquipmentCategory>(p.Category, "category", errors);
        RequireRegion(p.Region, errors);
        errors.ThrowIfAny();
        return new DeviceListQuery(p.Region!.Trim(), filter) { Category = category, After = p.After, Limit = p.Limit ?? 50 };
    }

    private static WarningListQuery ToQuery(WarningParameters p)
    {
        var errors = new FieldErrors();
        WarningRule? rule = null;
        if (!string.IsNullOrWhiteSpace(p.Rule))
        {
            rule = WarningRules.FindByCode(p.Rule)?.Rule;
            if (rule is null)
            {
                errors.Add("rule", $"rule '{p.Rule}' is not one of: {string.Join(", ", WarningRules.All.Select(r => r.Code))}.");
            }
        }

        var state = Parse<WarningState>(p.State, "state", errors) ?? WarningState.Open;
        DateOnly? month = null;
        if (!string.IsNullOrWhiteSpace(p.Month))
        {
            if (DateOnly.TryParseExact(p.Month.Trim() + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
            {
                month = first;
            }
            else
            {
                errors.Add("month", $"month is written yyyy-MM (2026-11), not '{p.Month}'.");
            }
        }

        RequireRegion(p.Region, errors);
        errors.ThrowIfAny();
        return new WarningListQuery(p.Region!.Trim()) { Rule = rule, State = state, OpenedInMonth = month, After = p.After, Limit = p.Limit ?? 50 };
    }

    private static void RequireRegion(string? region, FieldErrors errors)
    {
        if (string.IsNullOrWhiteSpace(region))
        {
            errors.Add("region", "region is required: the region code whose list this is (330106).");
        }
    }

    // Enums arrive as text in any case, so a typo is a field error naming the choices, not a bare 400.
    private static T? Parse<T>(string? text, string field, FieldErrors errors)
        where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (Enum.GetNames<T>().FirstOrDefault(n => n.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } name)
        {
            return Enum.Parse<T>(name);
        }

        errors.Add(field, $"{field} '{text}' is not one of: {string.Join(", ", Enum.GetValues<T>().Select(CockpitLinks.Camel))}.");
        return null;
    }
}
