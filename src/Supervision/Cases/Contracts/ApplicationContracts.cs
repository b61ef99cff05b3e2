using System.Text.Json.Nodes;

namespace ApprovalHub.Supervision.Cases.Contracts;

/// <summary>An application: the unit form's data, the device it is about (if not in the form) and the draft it came from.</summary>
public sealed record StartApplication(JsonObject? Data, string? DeviceCode = null, Guid? DraftId = null);

/// <summary>A started case: its number and the tasks now open.</summary>
public sealed record StartedCase(Guid InstanceId, string BusinessKey, string UnitCode, IReadOnlyList<OpenedTask> OpenedTasks);

/// <summary>A saved draft of a unit's form.</summary>
public sealed record DraftView(Guid Id, string UnitCode, JsonObject Data, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>What a member of the public gets back for a complaint: the number to follow it up with.</summary>
public sealed record ComplaintReceipt(string Reference, DateTimeOffset ReceivedAt);

/// <summary>Where a complaint stands, as the public may see it: no names, no contacts, no findings.</summary>
/// <param name="Reference">The reference number given at submission.</param>
/// <param name="ReceivedAt">When it was received.</param>
/// <param name="State">received (已受理), inProgress (处理中), closed (已办结).</param>
/// <param name="StateName">The state in Chinese.</param>
/// <param name="ClosedAt">When it was closed, if it was.</param>
public sealed record ComplaintStatus(string Reference, DateTimeOffset ReceivedAt, string State, string StateName, DateTimeOffset? ClosedAt);
