using ApprovalHub.Workflows.Runtime;

namespace ApprovalHub.Host.Cases;

/// <summary>The case variables the engine copies onto task rows for the queue (docs/tasks.md).</summary>
internal static class CaseTaskProjection
{
    public static TaskProjection Create() => new()
    {
        SubjectCodeVariable = CaseVariables.EquipmentCode,
        SubjectNameVariable = CaseVariables.OrganisationName,
        PartiesVariable = CaseVariables.Parties,
    };
}
