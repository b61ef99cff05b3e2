using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Registry;
using ApprovalHub.Host.Security.Audit;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// Applications and cases: the unit catalog (<c>/api/units</c>), starting an application, drafts,
/// the case page and "my cases" (<c>/api/instances</c>, <c>/api/cases/mine</c>), the applicant's
/// withdrawal, and the public complaint of unit 30 (<c>/api/public/...</c>, anonymous, rate-limited).
/// </summary>
internal static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var units = app.MapGroup("/api/units").WithTags("Units").AddEndpointFilter<CaseProblems>();
        units.MapGet("", (IUnitCatalog catalog) => TypedResults.Ok(new UnitCatalogView(catalog.Steps, catalog.Units)))
            .WithName("ListUnits").WithSummary("The 9 steps and 34 business units: who applies, who decides, time limits, forms");
        units.MapGet("/{code}", UnitAsync).WithName("GetUnit").WithSummary("One unit with its application form (form-js JSON)");
        units.MapPost("/{code}/applications", StartAsync).WithName("StartApplication")
            .WithSummary("Apply: the form is validated on the server (400 with field errors, nothing stored); the caller must be the unit's applicant");

        var drafts = app.MapGroup("/api/drafts").WithTags("Drafts").AddEndpointFilter<CaseProblems>();
        drafts.MapGet("", async (ClaimsPrincipal user, ICaseApplications cases, CancellationToken ct) => TypedResults.Ok(await cases.ListDraftsAsync(user, ct)))
            .WithName("ListDrafts").WithSummary("My saved application drafts");
        drafts.MapGet("/{unitCode}", GetDraftAsync).WithName("GetDraft").WithSummary("My draft of a unit's application");
        drafts.MapPut("/{unitCode}", async (string unitCode, SaveDraftRequest body, ClaimsPrincipal user, ICaseApplications cases, CancellationToken ct) =>
                TypedResults.Ok(await cases.SaveDraftAsync(user, unitCode, body.Data, ct)))
            .WithName("SaveDraft").WithSummary("Save (create or replace) my draft of a unit's application; not validated until it is sent");
        drafts.MapDelete("/{unitCode}", DeleteDraftAsync).WithName("DeleteDraft").WithSummary("Delete my draft of a unit's application");

        var instances = app.MapGroup("/api/instances").WithTags("Cases").AddEndpointFilter<CaseProblems>();
        instances.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal user, ICaseViews cases, CancellationToken ct) => TypedResults.Ok(await cases.GetAsync(user, id, ct)))
            .WithName("GetCase").WithSummary("A case for its applicant or an official in scope: state, forms, history, diagram, tasks")
            .ReadsPersonalData();
        instances.MapPost("/{id:guid}/withdraw", async (Guid id, WithdrawCommand? body, ClaimsPrincipal user, ITaskActions actions, CancellationToken ct) =>
                TypedResults.Ok(await actions.WithdrawAsync(user, id, body ?? new WithdrawCommand(null), ct)))
            .WithName("WithdrawCase").WithSummary("撤回 by the applicant while the next step has not acted");
        app.MapGet("/api/cases/mine", async (int? page, int? pageSize, ClaimsPrincipal user, ICaseViews cases, CancellationToken ct) =>
                TypedResults.Ok(await cases.MineAsync(user, page ?? 1, pageSize ?? 20, ct)))
            .WithName("MyCases").WithTags("Cases").WithSummary("The cases I started, newest first").AddEndpointFilter<CaseProblems>();

        var complaints = app.MapGroup("/api/public").WithTags("Public").AddEndpointFilter<CaseProblems>()
            .AllowAnonymous().RequireRateLimiting(PublicDeviceApi.RateLimitPolicy);
        complaints.MapPost("/devices/{code}/complaints", ComplainAsync).WithName("SubmitComplaint")
            .WithSummary("投诉举报 about a registered device, without an account; answers the reference number to follow it up");
        complaints.MapGet("/complaints/{reference}", ComplaintAsync).WithName("GetComplaint")
            .WithSummary("Where a complaint stands, by its reference number (no names, no contacts)");
        return app;
    }

    private static Results<Ok<UnitView>, NotFound> UnitAsync(string code, IUnitCatalog catalog) =>
        catalog.FindUnit(code) is { } unit
            ? TypedResults.Ok(new UnitView(unit, catalog.StepOf(unit), catalog.FormJson(unit.FormKey)!))
            : TypedResults.NotFound();

    private static async Task<Created<StartedCase>> StartAsync(string code, StartApplicationRequest body, ClaimsPrincipal user, ICaseApplications cases, CancellationToken cancellationToken)
    {
        var started = await cases.StartAsync(user, code, new StartApplication(body.Data, body.DeviceCode, body.DraftId), cancellationToken);
        return TypedResults.Created($"/api/instances/{started.InstanceId}", started);
    }

    private static async Task<Results<Ok<DraftView>, NotFound>> GetDraftAsync(string unitCode, ClaimsPrincipal user, ICaseApplications cases, CancellationToken cancellationToken) =>
        await cases.GetDraftAsync(user, unitCode, cancellationToken) is { } draft ? TypedResults.Ok(draft) : TypedResults.NotFound();

    private static async Task<Results<NoContent, NotFound>> DeleteDraftAsync(string unitCode, ClaimsPrincipal user, ICaseApplications cases, CancellationToken cancellationToken) =>
        await cases.DeleteDraftAsync(user, unitCode, cancellationToken) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static async Task<Created<ComplaintReceipt>> ComplainAsync(string code, ComplaintRequest body, ICaseApplications cases, CancellationToken cancellationToken)
    {
        var receipt = await cases.SubmitComplaintAsync(code, body.Data, cancellationToken);
        return TypedResults.Created($"/api/public/complaints/{receipt.Reference}", receipt);
    }

    private static async Task<Results<Ok<ComplaintStatus>, NotFound>> ComplaintAsync(string reference, ICaseApplications cases, CancellationToken cancellationToken) =>
        await cases.GetComplaintAsync(reference, cancellationToken) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();
}

/// <summary>The body of an application: the form data, optionally the device it concerns and the draft it was made from.</summary>
internal sealed record StartApplicationRequest(JsonObject? Data, string? DeviceCode, Guid? DraftId);

/// <summary>The body of a draft save.</summary>
internal sealed record SaveDraftRequest(JsonObject? Data);

/// <summary>The body of a public complaint: the unit 30 form (topic, description, optional contact and photos).</summary>
internal sealed record ComplaintRequest(JsonObject? Data);

/// <summary>The catalog.</summary>
internal sealed record UnitCatalogView(IReadOnlyList<CatalogStep> Steps, IReadOnlyList<CatalogUnit> Units);

/// <summary>One unit with its step and its form.</summary>
internal sealed record UnitView(CatalogUnit Unit, CatalogStep Step, string Form);
