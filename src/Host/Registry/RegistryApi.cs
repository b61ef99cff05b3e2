using ApprovalHub.Host.Security.Scope;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Import;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Traceability;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Registry;

/// <summary>The registry's internal API under <c>/api/registry</c>, every call filtered by the caller's scope.</summary>
internal static class RegistryApi
{
    private const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapRegistryApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/registry").WithTags("Registry").AddEndpointFilter<RegistryProblems>();

        api.MapGet("/devices", SearchAsync).WithName("SearchDevices")
            .WithSummary("Search devices (keyset paging)")
            .WithDescription("Filters combine with AND: code (设备代码 or 注册代码), certificate (使用登记证编号), rescueCode, region (any level), category, catalog, status, overdue, organisation. Pass the previous page's nextAfter as after.");
        api.MapGet("/devices/{id:long}", GetAsync).WithName("GetDevice").WithSummary("A device with its derived deadlines");
        api.MapGet("/devices/by-code/{code}", GetByCodeAsync).WithName("GetDeviceByCode").WithSummary("A device by 设备代码");
        api.MapPost("/devices", RegisterAsync).WithName("RegisterDevice").WithSummary("Register a device");
        api.MapPost("/devices/{id:long}/status", ChangeStatusAsync).WithName("ChangeDeviceStatus")
            .WithSummary("Move a device to another status (在用, 停用, 报废, 注销)");
        api.MapPost("/devices/{id:long}/registration-changes", ChangeRegistrationAsync).WithName("ChangeDeviceRegistration")
            .WithSummary("变更登记: relocate (region, address), transfer (use unit) or change the maintenance unit");
        api.MapGet("/devices/{id:long}/timeline", TimelineAsync).WithName("GetDeviceTimeline")
            .WithSummary("The device's lifecycle, oldest first (registry records and process history)");
        api.MapGet("/devices/{id:long}/qr.{format}", QrAsync).WithName("GetDeviceQrCode")
            .WithSummary("The device's QR code (png or svg), encoding its public URL /q/{code}");
        api.MapGet("/regions/{code}/rollup", RollupAsync).WithName("GetRegionRollup")
            .WithSummary("Device counts by category and status for a region and its children");
        api.MapGet("/organisations/{id:long}", OrganisationAsync).WithName("GetOrganisation").WithSummary("An organisation with its licences");
        api.MapGet("/people/{id:long}", PersonAsync).WithName("GetPerson")
            .WithSummary("A person with certificates and their status; the ID number only masked");
        api.MapPost("/devices/import", ImportAsync).WithName("ImportDevices").DisableAntiforgery()
            .WithSummary("Import a device list (.xlsx): all rows or none, with a per-row error report");
        api.MapGet("/devices/export", ExportAsync).WithName("ExportDevices")
            .WithSummary("Export the devices a search finds as .xlsx (at most 10,000)");
        return app;
    }

    /// <summary>Query-string filters of a device search.</summary>
    internal sealed record SearchParameters(
        string? Code, string? Certificate, string? RescueCode, string? Region, string? Category, string? Catalog,
        string? Status, bool? Overdue, long? Organisation, long? After, int? Limit);

    // Enums arrive as text and are parsed here (any case), so a typo is a field error, not a bare 400.
    private static SearchDevices ToQuery(HttpContext http, ICallerScopeAccessor scopes, SearchParameters p)
    {
        var errors = new FieldErrors();
        var category = ParseEnum<EquipmentCategory>(p.Category, "category", errors);
        var status = ParseEnum<EquipmentStatus>(p.Status, "status", errors);
        errors.ThrowIfAny();
        return new SearchDevices(scopes.Current)
        {
            Code = p.Code, CertificateNumber = p.Certificate, RescueCode = p.RescueCode, RegionCode = p.Region, Category = category,
            CatalogCode = p.Catalog, Status = status, Overdue = p.Overdue, OrganisationId = p.Organisation, After = p.After,
            Limit = p.Limit ?? 50,
        };
    }

    private static T? ParseEnum<T>(string? text, string field, FieldErrors errors)
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

        errors.Add(field, $"{field} '{text}' is not one of: {string.Join(", ", Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]))}.");
        return null;
    }

    private static async Task<Ok<DevicePage>> SearchAsync(
        [AsParameters] SearchParameters parameters, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, CancellationToken cancellationToken) =>
        TypedResults.Ok(await mediator.Send(ToQuery(http, scopes, parameters), cancellationToken));

    private static async Task<Results<Ok<DeviceDetails>, NotFound>> GetAsync(
        long id, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new GetDevice(scopes.Current, id), cancellationToken) is { } device ? TypedResults.Ok(device) : TypedResults.NotFound();

    private static async Task<Results<Ok<DeviceDetails>, NotFound>> GetByCodeAsync(
        string code, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new GetDeviceByCode(scopes.Current, code), cancellationToken) is { } device ? TypedResults.Ok(device) : TypedResults.NotFound();

    private static async Task<Created<DeviceDetails>> RegisterAsync(
        DeviceInput device, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, CancellationToken cancellationToken)
    {
        var created = await mediator.Send(new RegisterDevice(scopes.Current, device), cancellationToken);
        return TypedResults.Created($"/api/registry/devices/{created.Id}", created);
    }

    /// <summary>The body of a status change.</summary>
    internal sealed record StatusChange(EquipmentStatus? Status, string? Detail);

    private static async Task<Results<Ok<DeviceDetails>, NotFound, ValidationProblem>> ChangeStatusAsync(
        long id, StatusChange change, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, CancellationToken cancellationToken)
    {
        if (change.Status is not { } status)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["status is required (inUse, suspended, scrapped, cancelled)."] });
        }

        var device = await mediator.Send(new ChangeDeviceStatus(scopes.Current, id, status) { Detail = change.Detail }, cancellationToken);
        return device is null ? TypedResults.NotFound() : TypedResults.Ok(device);
    }

    /// <summary>The body of a registration change; null fields stay as they are.</summary>
    internal sealed record RegistrationChange(string? RegionCode, string? Address, string? UserUnitCreditCode, string? MaintenanceUnitCreditCode);

    private static async Task<Results<Ok<DeviceDetails>, NotFound>> ChangeRegistrationAsync(
        long id, RegistrationChange change, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, CancellationToken cancellationToken)
    {
        var device = await mediator.Send(new ChangeDeviceRegistration(scopes.Current, id)
        {
            RegionCode = change.RegionCode,
            Address = change.Address,
            UserUnitCreditCode = change.UserUnitCreditCode,
            MaintenanceUnitCreditCode = change.MaintenanceUnitCreditCode,
        }, cancellationToken);
        return device is null ? TypedResults.NotFound() : TypedResults.Ok(device);
    }

    private static async Task<Results<Ok<IReadOnlyList<TimelineEntry>>, NotFound>> TimelineAsync(
        long id, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new GetDeviceTimeline(scopes.Current, id), cancellationToken) is { } timeline ? TypedResults.Ok(timeline) : TypedResults.NotFound();

    private static async Task<Results<FileContentHttpResult, NotFound, ValidationProblem>> QrAsync(
        long id, string format, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, IOptions<RegistryOptions> options, CancellationToken cancellationToken)
    {
        if (format is not ("png" or "svg"))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["format"] = [$"The QR code comes as png or svg, not {format}."] });
        }

        if (await mediator.Send(new GetDevice(scopes.Current, id), cancellationToken) is not { } device)
        {
            return TypedResults.NotFound();
        }

        var baseUrl = options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured : $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}";
        var url = DeviceQrCode.PublicUrl(baseUrl, device.EquipmentCode);
        return format == "png"
            ? TypedResults.File(DeviceQrCode.Png(url), "image/png", $"{device.EquipmentCode}.png")
            : TypedResults.File(System.Text.Encoding.UTF8.GetBytes(DeviceQrCode.Svg(url)), "image/svg+xml", $"{device.EquipmentCode}.svg");
    }

    private static async Task<Results<Ok<RegionRollupView>, NotFound>> RollupAsync(
        string code, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new GetRegionRollup(scopes.Current, code), cancellationToken) is { } rollup ? TypedResults.Ok(rollup) : TypedResults.NotFound();

    private static async Task<Results<Ok<OrganisationView>, NotFound>> OrganisationAsync(
        long id, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new GetOrganisation(scopes.Current, id), cancellationToken) is { } organisation ? TypedResults.Ok(organisation) : TypedResults.NotFound();

    private static async Task<Results<Ok<PersonView>, NotFound>> PersonAsync(
        long id, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new GetPerson(scopes.Current, id), cancellationToken) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound();

    private static async Task<Results<Ok<ImportReport>, ProblemHttpResult>> ImportAsync(
        IFormFile file, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, CancellationToken cancellationToken)
    {
        await using var stream = new MemoryStream();
        await file.CopyToAsync(stream, cancellationToken);
        stream.Position = 0;
        var report = await mediator.Send(new ImportDevices(scopes.Current, stream), cancellationToken);
        if (report.Succeeded)
        {
            return TypedResults.Ok(report);
        }

        return TypedResults.Problem(
            $"{report.Errors.Count} problem(s) in {report.Rows} row(s); nothing was imported. Fix the rows listed and send the whole file again.",
            statusCode: StatusCodes.Status400BadRequest,
            title: "The device list was not imported",
            extensions: new Dictionary<string, object?> { ["rows"] = report.Rows, ["rowErrors"] = report.Errors });
    }

    private static async Task<FileContentHttpResult> ExportAsync(
        [AsParameters] SearchParameters parameters, HttpContext http, ICallerScopeAccessor scopes, IMediator mediator, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var bytes = await mediator.Send(new ExportDevices(ToQuery(http, scopes, parameters)), cancellationToken);
        return TypedResults.File(bytes, XlsxType, $"设备清单-{timeProvider.Today():yyyyMMdd}.xlsx");
    }
}
