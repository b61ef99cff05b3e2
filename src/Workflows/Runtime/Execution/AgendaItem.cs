using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime.Definitions;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>
/// Work one instance's run leaves for others, done by the same command in the same transaction:
/// start a called instance, resume or fail its caller, cancel a child, deliver a thrown message.
/// </summary>
internal abstract record AgendaItem
{
    private AgendaItem()
    {
    }

    public sealed record StartChild(DeployedProcess Definition, Guid ChildId, Dictionary<string, JsonNode?> Variables, Guid ParentId, string ParentTokenId) : AgendaItem;

    public sealed record ResumeParent(Guid ParentId, string ParentTokenId, Dictionary<string, JsonNode?> ChildVariables) : AgendaItem;

    public sealed record ThrowInParent(Guid ParentId, string ParentTokenId, string ErrorCode, string Message) : AgendaItem;

    public sealed record CancelChild(Guid ChildId) : AgendaItem;

    public sealed record DeliverMessage(string Name, string? CorrelationKey) : AgendaItem;
}
