using System.Security.Claims;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Security.Authorization;
using ApprovalHub.Workflows.Deployment;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalHub.Host.Definitions;

/// <summary>
/// <c>/api/definitions/{key}/draft</c>: the designer's work in progress, kept apart from published
/// versions until it is published. Analysts and administrators only, reads included: a draft is
/// not yet anybody else's business.
/// </summary>
public static class DefinitionDraftsApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapDefinitionDraftsApi(this IEndpointRouteBuilder app)
    {
        var drafts = app.MapGroup("/api/definitions/{key}/draft").WithTags("Process definitions").RequireAuthorization(Policies.AuthorDefinitions);

        drafts.MapPut("", SaveAsync)
            .WithName("SaveDefinitionDraft")
            .WithSummary("Saves the draft of a process definition")
            .WithDescription("The body is the BPMN XML. A draft may have errors: it is stored anyway and the answer lists its diagnostics. It never becomes a version until it is published.")
            .Accepts<string>(XmlRequestBody.ContentTypes[0], XmlRequestBody.ContentTypes[1..])
            .WithMetadata(new RequestSizeLimitAttribute(ProcessDefinitionsApi.MaxXmlBytes));

        drafts.MapGet("", GetAsync)
            .WithName("GetDefinitionDraft")
            .WithSummary("The draft's BPMN XML")
            .Produces<string>(StatusCodes.Status200OK, "application/xml");

        drafts.MapDelete("", DeleteAsync)
            .WithName("DeleteDefinitionDraft")
            .WithSummary("Throws the draft away");

        drafts.MapPost("/publish", PublishAsync)
            .WithName("PublishDefinitionDraft")
            .WithSummary("Publishes the draft as the next version")
            .WithDescription("Validated and versioned like a deployment: a draft with errors is refused (400, with the diagnostics) and kept; identical content creates no version.");

        return app;
    }

    /// <summary>PUT /api/definitions/{key}/draft</summary>
    public static async Task<Results<Ok<DraftResponse>, ProblemHttpResult>> SaveAsync(
        string key,
        HttpRequest request,
        DefinitionDrafts drafts,
        CancellationToken cancellationToken)
    {
        var (xml, problem) = await XmlRequestBody.ReadAsync(request, ProcessDefinitionsApi.MaxXmlBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var saved = await drafts.SaveAsync(key, xml!, request.HttpContext.User.ActorName(), cancellationToken);
        return TypedResults.Ok(new DraftResponse(saved.ProcessKey, saved.SavedAt, saved.Publishable, saved.Diagnostics.Select(DiagnosticResponse.From).ToList()));
    }

    /// <summary>GET /api/definitions/{key}/draft</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetAsync(string key, DefinitionDrafts drafts, CancellationToken cancellationToken) =>
        await drafts.FindAsync(key, cancellationToken) is { } draft
            ? TypedResults.Text(draft.Xml, "application/xml; charset=utf-8")
            : NoDraft(key);

    /// <summary>DELETE /api/definitions/{key}/draft</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(string key, DefinitionDrafts drafts, CancellationToken cancellationToken) =>
        await drafts.DeleteAsync(key, cancellationToken) ? TypedResults.NoContent() : NoDraft(key);

    /// <summary>POST /api/definitions/{key}/draft/publish</summary>
    public static async Task<Results<Created<DeploymentResponse>, Ok<DeploymentResponse>, ProblemHttpResult>> PublishAsync(
        string key,
        ClaimsPrincipal user,
        DefinitionDrafts drafts,
        CancellationToken cancellationToken)
    {
        var result = await drafts.PublishAsync(key, user.ActorName(), cancellationToken);
        if (result is null)
        {
            return NoDraft(key);
        }

        if (!result.Succeeded)
        {
            return ProcessDefinitionsApi.InvalidDefinition(result.Diagnostics);
        }

        var response = new DeploymentResponse(
            result.Processes.Select(DeployedProcessResponse.From).ToList(),
            result.Diagnostics.Select(DiagnosticResponse.From).ToList());
        return result.Processes.Any(p => p.Outcome == DeploymentOutcome.Created)
            ? TypedResults.Created($"/api/definitions/{Uri.EscapeDataString(key)}/versions", response)
            : TypedResults.Ok(response);
    }

    private static ProblemHttpResult NoDraft(string key) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No draft",
        detail: $"Process definition '{key}' has no draft.");
}

/// <summary>A saved draft.</summary>
/// <param name="Key">The process key it is saved under.</param>
/// <param name="SavedAt">When.</param>
/// <param name="Publishable">True when it has no errors.</param>
/// <param name="Diagnostics">What the validator found.</param>
public sealed record DraftResponse(string Key, DateTimeOffset SavedAt, bool Publishable, IReadOnlyList<DiagnosticResponse> Diagnostics);
