using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime;

namespace ApprovalHub.Host.Cases;

/// <summary>The engine's refusals (<see cref="WorkflowException"/>) as the case layer's (<see cref="CaseException"/>).</summary>
internal static class EngineRefusals
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> command)
    {
        try
        {
            return await command();
        }
        catch (WorkflowException ex)
        {
            throw Translate(ex);
        }
    }

    public static async Task RunAsync(Func<Task> command)
    {
        try
        {
            await command();
        }
        catch (WorkflowException ex)
        {
            throw Translate(ex);
        }
    }

    public static CaseException Translate(WorkflowException exception) => exception.Kind switch
    {
        WorkflowErrorKind.NotFound => new CaseException(CaseErrorKind.NotFound, exception.Message),
        WorkflowErrorKind.Forbidden => new CaseException(CaseErrorKind.Forbidden, exception.Message),
        WorkflowErrorKind.Conflict => new CaseException(CaseErrorKind.Conflict, exception.Message),
        _ => new CaseException(CaseErrorKind.Invalid, exception.Message),
    };
}
