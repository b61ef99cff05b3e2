namespace ApprovalHub.Workflows.Runtime.Records;

/// <summary>
/// Something waiting for a message, keyed by message name and correlation key: a catch event, a
/// receive task, a boundary event, an event-based gateway's branch, or (with no instance) a
/// message start event of a published definition.
/// </summary>
public sealed class MessageSubscriptionRecord
{
    public required Guid Id { get; init; }

    /// <summary>The message name (the BPMN message's name).</summary>
    public required string MessageName { get; init; }

    /// <summary>The key a message must carry; null matches messages sent without a key.</summary>
    public string? CorrelationKey { get; init; }

    /// <summary>The waiting instance; null for a message start event.</summary>
    public Guid? InstanceId { get; init; }

    /// <summary>The token to resume (for boundary events: the token at the activity).</summary>
    public string? TokenId { get; init; }

    /// <summary>The catching element (event, receive task or boundary event).</summary>
    public required string ElementId { get; init; }

    /// <summary>For a message start event: the definition to start.</summary>
    public Guid? DefinitionId { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>A message that arrived before anyone waited for it; delivered when a matching subscription appears.</summary>
public sealed class InboxMessageRecord
{
    public required Guid Id { get; init; }

    public required string MessageName { get; init; }

    public string? CorrelationKey { get; init; }

    /// <summary>The message's variables as a JSON object.</summary>
    public string? VariablesJson { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>After this the message is dropped undelivered.</summary>
    public required DateTimeOffset ExpiresAt { get; init; }
}
