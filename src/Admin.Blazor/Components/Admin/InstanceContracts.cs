using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Admin.Blazor.Components.Admin;

/// <summary>One page of an instance search.</summary>
public sealed record InstancePage(IReadOnlyList<InstanceListItem> Items, int Total, int Page, int PageSize);

/// <summary>What the instance viewer shows.</summary>
/// <param name="Instance">The list row: key, version, business key, status, times.</param>
/// <param name="ProcessName">The name of its version.</param>
/// <param name="Xml">The BPMN XML of its version, for the diagram.</param>
/// <param name="Completed">Elements it has passed.</param>
/// <param name="Active">Elements where its tokens stand now.</param>
/// <param name="Failed">Elements with an open incident.</param>
/// <param name="Variables">Process variables as JSON text, by name.</param>
/// <param name="History">Its history, in order.</param>
/// <param name="Tasks">Its task rows, open and closed.</param>
/// <param name="Incidents">Its incidents, open and resolved.</param>
public sealed record InstanceDetail(
    InstanceListItem Instance,
    string? ProcessName,
    string Xml,
    IReadOnlyList<string> Completed,
    IReadOnlyList<string> Active,
    IReadOnlyList<string> Failed,
    IReadOnlyList<VariableItem> Variables,
    IReadOnlyList<HistoryEvent> History,
    IReadOnlyList<UserTaskRecord> Tasks,
    IReadOnlyList<IncidentRecord> Incidents);

/// <summary>A process variable: its name and value as JSON.</summary>
public sealed record VariableItem(string Name, string Json);

/// <summary>An incident with the instance it stopped.</summary>
public sealed record IncidentItem(IncidentRecord Incident, string ProcessKey, int Version, string? BusinessKey);
