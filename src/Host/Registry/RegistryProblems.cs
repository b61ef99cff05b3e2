using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Registry;

namespace ApprovalHub.Host.Registry;

/// <summary>
/// Turns the registry's refusals into ProblemDetails: field errors → 400 with <c>errors</c>, an
/// illegal status move → 409 naming both states, a scope that does not reach → 403.
/// </summary>
internal sealed class RegistryProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (RegistryValidationException ex)
        {
            return TypedResults.ValidationProblem(ex.Errors.ToDictionary(), title: "The registry cannot accept this input.");
        }
        catch (IllegalStatusTransitionException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status409Conflict, title: "Illegal status change",
                extensions: new Dictionary<string, object?> { ["from"] = ex.From.ToString(), ["to"] = ex.To.ToString() });
        }
        catch (RegistryAccessDeniedException ex)
        {
            return TypedResults.Problem(ex.Message, statusCode: StatusCodes.Status403Forbidden, title: "Outside your scope");
        }
    }
}
