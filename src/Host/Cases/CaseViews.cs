using System.Security.Claims;
using ApprovalHub.Supervision.Cases.Contracts;

namespace ApprovalHub.Host.Cases;

/// <summary>Cases for their applicants and the officials in scope (<see cref="ICaseViews"/>).</summary>
internal sealed class CaseViews(CaseCallers callers, CaseRecords records, CaseCards cards, ITaskQueue queue) : ICaseViews
{
    /// <inheritdoc />
    public async Task<CaseDetail> GetAsync(ClaimsPrincipal user, Guid instanceId, CancellationToken cancellationToken)
    {
        var caller = await callers.FromAsync(user, cancellationToken);
        if (!caller.IsSignedIn || await records.LoadAsync(instanceId, cancellationToken) is not { } record || !record.IsVisibleTo(caller))
        {
            throw CaseException.NotFound($"没有编号为 {instanceId} 的案件。");
        }

        return new CaseDetail
        {
            Case = records.Summary(record),
            ApplicantForm = records.ApplicantForm(record),
            Device = await cards.DeviceAsync(caller.Scope, CaseVariables.Text(record.State, CaseVariables.EquipmentCode), cancellationToken),
            Organisation = await cards.OrganisationAsync(caller.Scope, record.OrganisationId, cancellationToken),
            History = records.History(record),
            Diagram = records.Diagram(record),
            Tasks = [.. record.Tasks.Select(records.Summary)],
            CanWithdraw = record.StartedBy == caller.UserName && TaskActions.Withdrawal(record, caller.UserName!).Kind != WithdrawalKind.None,
        };
    }

    /// <inheritdoc />
    public Task<QueuePage> MineAsync(ClaimsPrincipal user, int page, int pageSize, CancellationToken cancellationToken) =>
        queue.ListAsync(user, new TaskQuery { View = TaskView.Started, Sort = TaskSort.CreatedDescending, Page = page, PageSize = pageSize }, cancellationToken);
}
