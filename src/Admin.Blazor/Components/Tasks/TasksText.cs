namespace ApprovalHub.Admin.Blazor.Components.Tasks;

/// <summary>Strings of the officials' queue and task page: <c>IStringLocalizer&lt;TasksText&gt;</c>.</summary>
public sealed class TasksText;
