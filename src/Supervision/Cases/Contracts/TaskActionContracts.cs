using System.Text.Json.Nodes;

namespace ApprovalHub.Supervision.Cases.Contracts;

/// <summary>Completing a task: the task form's data (for the decision form: decision and comment) and an optional comment for other forms.</summary>
public sealed record CompleteTaskCommand(JsonObject? Data, string? Comment = null);

/// <summary>退回: to an earlier step (one of <see cref="TaskDetail.ReturnTargets"/>), with the reason.</summary>
public sealed record ReturnTaskCommand(string? TargetElementId, string? Comment);

/// <summary>转办 or 委派 to another official (by user name), with the reason.</summary>
public sealed record ReassignTaskCommand(string? ToUser, string? Comment);

/// <summary>The delegate hands the task back, with what they found (fields of the task form) and a note.</summary>
public sealed record ResolveTaskCommand(JsonObject? Data, string? Comment);

/// <summary>加签 (<see cref="Add"/> a user) or 减签 (<see cref="RemoveTaskId"/>: the signer's task).</summary>
public sealed record SignerCommand(string? Add, Guid? RemoveTaskId, string? Comment);

/// <summary>抄送 to users (by user name), with a note.</summary>
public sealed record CarbonCopyCommand(IReadOnlyList<string>? Recipients, string? Comment);

/// <summary>催办, with a note.</summary>
public sealed record UrgeCommand(string? Comment);

/// <summary>撤回 by the applicant, with a note.</summary>
public sealed record WithdrawCommand(string? Comment);

/// <summary>What an action did: its name and the tasks it opened.</summary>
public sealed record TaskActionResult(string Action, IReadOnlyList<OpenedTask> OpenedTasks);

/// <summary>A task an action or a start opened.</summary>
public sealed record OpenedTask(Guid TaskId, Guid InstanceId, string ElementId, string? Name);
