using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Cases;

// 公众扫码投诉举报 (unit 30): anyone, no account, about a registered device; a reference number to follow it up.
internal sealed partial class CaseApplications
{
    [GeneratedRegex(@"^AH\d{2}-\d{8}-\d{6}-[0-9A-Z]{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex ComplaintReference();

    /// <inheritdoc />
    public async Task<ComplaintReceipt> SubmitComplaintAsync(string deviceCode, JsonObject? data, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceCode);
        var unit = ComplaintUnit();
        await using var services = scopes.CreateAsyncScope();
        var registry = services.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var code = deviceCode.Trim();
        var device = await registry.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.EquipmentCode == code, cancellationToken)
                     ?? throw CaseException.NotFound($"没有设备代码为 {code} 的登记设备。");
        var submission = Submission(catalog.FindForm(unit.FormKey)!, data, code);
        var userUnit = await registry.Organisations.AsNoTracking()
            .Where(o => o.Id == device.UserOrganisationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);

        // The complaint is the regulators' business: no organisation and no parties, so the
        // enterprise complained about never sees it in a queue.
        var variables = submission.ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        variables[CaseVariables.RegionCode] = device.RegionCode;
        if (userUnit is not null)
        {
            variables[CaseVariables.OrganisationName] = userUnit;
        }

        var reference = await keys.NextUnguessableAsync(unit.Code, cancellationToken);
        await StartProcessAsync(unit, new StartProcessRequest(unit.ProcessKey) { BusinessKey = reference, Variables = variables }, cancellationToken);
        logger.ComplaintReceived(reference, code, device.RegionCode);
        return new ComplaintReceipt(reference, time.GetUtcNow());
    }

    /// <inheritdoc />
    public async Task<ComplaintStatus?> GetComplaintAsync(string reference, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (!ComplaintReference().IsMatch(reference))
        {
            return null;
        }

        await using var services = scopes.CreateAsyncScope();
        var queries = services.ServiceProvider.GetRequiredService<IWorkflowQueries>();
        var unit = ComplaintUnit();
        var instance = (await queries.FindByBusinessKeyAsync(reference, cancellationToken)).FirstOrDefault(i => i.ProcessKey == unit.ProcessKey);
        if (instance is null)
        {
            return null;
        }

        var (state, name) = instance.Status switch
        {
            InstanceStatus.Active when (await queries.GetTasksAsync(instance.Id, cancellationToken)).Any(t => t.Status == UserTaskStatus.Completed)
                => ("inProgress", "处理中"),
            InstanceStatus.Active => ("received", "已受理"),
            _ => ("closed", "已办结"),
        };
        return new ComplaintStatus(reference, instance.StartedAt, state, name, instance.EndedAt);
    }

    private CatalogUnit ComplaintUnit() =>
        catalog.Units.FirstOrDefault(u => u.Applicant.Role == CatalogParty.PublicRole)
        ?? throw new InvalidOperationException("The unit catalog has no public complaint unit (applicant role 'public').");
}
