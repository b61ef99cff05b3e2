using ApprovalHub.Host.Security;
using ApprovalHub.Host.Security.Authorization;
using ApprovalHub.Workflows.Deployment;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace ApprovalHub.Host.Definitions;

/// <summary>
/// <c>/api/definitions</c>: list, read, validate and deploy BPMN process definitions.
/// </summary>
/// <remarks>
/// Every signed-in role may read definitions (enterprises need them to know what they can apply
/// for); only analysts and administrators validate and deploy (<see cref="Policies"/>). Definitions
/// are platform-wide, so there is no region or organisation scope to apply here.
/// </remarks>
public static class ProcessDefinitionsApi
{
    /// <summary>The largest accepted BPMN upload: 10 MB, the parser's own limit too.</summary>
    public const long MaxXmlBytes = 10 * 1024 * 1024;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapProcessDefinitionsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/definitions").WithTags("Process definitions").RequireAuthorization(Policies.ReadDefinitions);

        api.MapGet("", ListDefinitionsAsync)
            .WithName("ListDefinitions")
            .WithSummary("The latest version of every process definition")
            .WithDescription("One entry per process key, with the latest version and how many versions exist.");

        api.MapGet("/{key}/versions", ListVersionsAsync)
            .WithName("ListDefinitionVersions")
            .WithSummary("Every version of one process definition, newest first");

        api.MapGet("/{key}/versions/{version:int}/xml", GetXmlAsync)
            .WithName("GetDefinitionXml")
            .WithSummary("The BPMN XML of one version, diagram included")
            .Produces<string>(StatusCodes.Status200OK, "application/xml");

        api.MapPost("/validate", ValidateAsync)
            .WithName("ValidateDefinition")
            .WithSummary("Checks a BPMN file without storing it")
            .WithDescription("The body is the BPMN XML. The answer lists every diagnostic with its line and column.")
            .Accepts<string>(XmlRequestBody.ContentTypes[0], XmlRequestBody.ContentTypes[1..])
            .WithMetadata(new RequestSizeLimitAttribute(MaxXmlBytes))
            .RequireAuthorization(Policies.AuthorDefinitions);

        api.MapPost("", DeployAsync)
            .WithName("DeployDefinition")
            .WithSummary("Deploys a BPMN file: each executable process becomes its next version")
            .WithDescription("Identical content creates no version (200, outcome unchanged). A file with errors stores nothing (400, with the diagnostics).")
            .Accepts<string>(XmlRequestBody.ContentTypes[0], XmlRequestBody.ContentTypes[1..])
            .WithMetadata(new RequestSizeLimitAttribute(MaxXmlBytes))
            .RequireAuthorization(Policies.AuthorDefinitions);

        return app;
    }

    /// <summary>GET /api/definitions</summary>
    public static async Task<Ok<List<DefinitionSummaryResponse>>> ListDefinitionsAsync(
        [AsParameters] DefinitionServices services,
        CancellationToken cancellationToken)
    {
        var latest = await services.Db.ListLatestAsync(cancellationToken);
        return TypedResults.Ok(latest.Select(DefinitionSummaryResponse.From).ToList());
    }

    /// <summary>GET /api/definitions/{key}/versions</summary>
    public static async Task<Results<Ok<List<DefinitionVersionResponse>>, ProblemHttpResult>> ListVersionsAsync(
        string key,
        [AsParameters] DefinitionServices services,
        CancellationToken cancellationToken)
    {
        var versions = await services.Db.ListVersionsAsync(key, cancellationToken);
        return versions.Count == 0
            ? UnknownDefinition(key)
            : TypedResults.Ok(versions.Select(DefinitionVersionResponse.From).ToList());
    }

    /// <summary>GET /api/definitions/{key}/versions/{version}/xml</summary>
    public static async Task<Results<ContentHttpResult, ProblemHttpResult>> GetXmlAsync(
        string key,
        int version,
        [AsParameters] DefinitionServices services,
        CancellationToken cancellationToken)
    {
        var xml = await services.Db.FindXmlAsync(key, version, cancellationToken);
        return xml is null
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status404NotFound,
                title: "No such definition version",
                detail: $"Process definition '{key}' has no version {version}.")
            : TypedResults.Text(xml, "application/xml; charset=utf-8");
    }

    /// <summary>POST /api/definitions/validate</summary>
    public static async Task<Results<Ok<ValidationResponse>, ProblemHttpResult>> ValidateAsync(
        HttpRequest request,
        CancellationToken cancellationToken)
    {
        var (xml, problem) = await XmlRequestBody.ReadAsync(request, MaxXmlBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = BpmnParser.Parse(xml!);
        return TypedResults.Ok(new ValidationResponse(!result.HasErrors, result.Diagnostics.Select(DiagnosticResponse.From).ToList()));
    }

    /// <summary>POST /api/definitions</summary>
    public static async Task<Results<Created<DeploymentResponse>, Ok<DeploymentResponse>, ProblemHttpResult>> DeployAsync(
        HttpRequest request,
        [AsParameters] DefinitionServices services,
        string? fileName,
        CancellationToken cancellationToken)
    {
        if (fileName?.Length > ProcessDefinitionRecord.MaxSourceFileLength)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The file name is too long",
                detail: $"fileName may have at most {ProcessDefinitionRecord.MaxSourceFileLength} characters.");
        }

        var (xml, problem) = await XmlRequestBody.ReadAsync(request, MaxXmlBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var deployment = new DeploymentRequest(xml!, request.HttpContext.User.ActorName(), string.IsNullOrWhiteSpace(fileName) ? null : fileName);
        var result = await services.Deployer.DeployAsync(deployment, cancellationToken);
        services.Logger.LogDeployment(deployment, result);
        if (!result.Succeeded)
        {
            return InvalidDefinition(result.Diagnostics);
        }

        var response = new DeploymentResponse(
            result.Processes.Select(DeployedProcessResponse.From).ToList(),
            result.Diagnostics.Select(DiagnosticResponse.From).ToList());
        var firstCreated = result.Processes.FirstOrDefault(p => p.Outcome == DeploymentOutcome.Created);
        return firstCreated is null
            ? TypedResults.Ok(response)
            : TypedResults.Created($"/api/definitions/{Uri.EscapeDataString(firstCreated.ProcessKey)}/versions", response);
    }

    private static ProblemHttpResult UnknownDefinition(string key) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such process definition",
        detail: $"No process definition has the key '{key}'.");

    // A validation problem (RFC 9457 with "errors" by element, as ASP.NET Core's ValidationProblem)
    // that also carries the full diagnostics with code, line and column for tools and the designer.
    internal static ProblemHttpResult InvalidDefinition(IReadOnlyList<BpmnDiagnostic> diagnostics)
    {
        var errors = diagnostics.Where(d => d.IsError).ToList();
        var problem = new HttpValidationProblemDetails(errors
            .GroupBy(d => d.ElementId ?? "xml", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(d => $"{d.Code}: {d.Message}").ToArray(), StringComparer.Ordinal))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The BPMN definition is invalid",
            Detail = $"{errors.Count} error(s); nothing was stored. Fix them and deploy again.",
        };
        problem.Extensions["diagnostics"] = diagnostics.Select(DiagnosticResponse.From).ToList();
        return TypedResults.Problem(problem);
    }
}
