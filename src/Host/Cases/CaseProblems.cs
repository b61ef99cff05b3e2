using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// The case layer's refusals as ProblemDetails: field errors → 400 ValidationProblemDetails,
/// not found or out of scope → 404, not allowed → 403, wrong state → 409. An engine refusal that
/// reaches the edge directly maps the same way.
/// </summary>
internal sealed class CaseProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (CaseException ex)
        {
            return Problem(ex);
        }
        catch (WorkflowException ex)
        {
            return Problem(EngineRefusals.Translate(ex));
        }
    }

    private static IResult Problem(CaseException ex) => ex.Kind switch
    {
        CaseErrorKind.Invalid when ex.Errors.Count > 0 => TypedResults.ValidationProblem(ex.Errors, title: ex.Message),
        CaseErrorKind.Invalid => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status400BadRequest, title: "Invalid request"),
        CaseErrorKind.NotFound => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found"),
        CaseErrorKind.Forbidden => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden, title: "Not allowed"),
        _ => TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Not possible now"),
    };
}
