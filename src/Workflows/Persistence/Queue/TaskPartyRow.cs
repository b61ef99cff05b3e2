namespace ApprovalHub.Workflows.Persistence.Queue;

/// <summary>
/// One organisation that may see an open task (<c>wf_task_parties</c>): the applicant organisation
/// (<see cref="Runtime.Records.UserTaskRecord.OrganisationId"/>) and the case's other parties
/// (<see cref="Runtime.Records.UserTaskRecord.PartyOrganisationIds"/>). Organisation-scoped queues
/// filter with an indexed EXISTS on it. Written with the task, removed when the task closes.
/// </summary>
public sealed class TaskPartyRow
{
    public required Guid TaskId { get; init; }

    public required long OrganisationId { get; init; }
}
