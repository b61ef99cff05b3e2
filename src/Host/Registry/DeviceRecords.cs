using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Components.Registry;
using ApprovalHub.Host.Cases;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Security.Scope;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Traceability;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Registry;

/// <summary>
/// The officials' device record (<see cref="IDeviceRecords"/>) over the registry's own scoped
/// queries (<see cref="GetDevice"/>, <see cref="GetDeviceTimeline"/>) — the same ones the JSON API
/// answers with — plus the cases filed for the device, which the engine finds through the 设备代码
/// it copies onto every task row. A case is listed only when the caller's scope covers it.
/// </summary>
/// <remarks>A singleton, as the Blazor circuit outlives any DbContext: each call opens its own scope.</remarks>
internal sealed class DeviceRecords(
    IServiceScopeFactory scopes,
    Func<WorkflowDbContext> createWorkflowContext,
    IWorkflowQueries workflows,
    IUnitCatalog catalog) : IDeviceRecords
{
    /// <summary>The most cases a record lists (a device sees a few a year; this bounds a pathological one).</summary>
    public const int MaxCases = 200;

    private static readonly string[] RecordRoles = [Roles.Regulator, Roles.Inspector, Roles.Admin];

    public async Task<DeviceRecord?> GetAsync(ClaimsPrincipal user, long deviceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);

        // The page refuses others before asking; an enterprise's scope would cover its own devices,
        // but the officials' record is not its view (it has the portal).
        if (user.Identity?.IsAuthenticated != true || !RecordRoles.Any(user.IsInRole))
        {
            return null;
        }

        var scope = CallerScopes.From(user);
        await using var services = scopes.CreateAsyncScope();
        var mediator = services.ServiceProvider.GetRequiredService<IMediator>();
        if (await mediator.Send(new GetDevice(scope, deviceId), cancellationToken) is not { } device
            || await mediator.Send(new GetDeviceTimeline(scope, deviceId), cancellationToken) is not { } timeline)
        {
            return null;
        }

        var entries = timeline.Select(e => new DeviceRecordEntry(e.At, e.Kind, e.Title, e.Detail, null)).ToList();
        entries.AddRange(await CasesAsync(scope, device.EquipmentCode, cancellationToken));

        // Newest first; entries of the same instant keep the registry's life order, reversed.
        var ordered = entries.Select((e, index) => (e, index)).OrderByDescending(x => x.e.At).ThenByDescending(x => x.index).Select(x => x.e).ToList();
        var pdf = await CertificatePdfUrlAsync(services.ServiceProvider.GetRequiredService<RegistryDbContext>(), user, scope, device.UseCertificateNumber, cancellationToken);
        return new DeviceRecord(device, pdf, ordered);
    }

    private async Task<List<DeviceRecordEntry>> CasesAsync(AccessScope scope, string equipmentCode, CancellationToken cancellationToken)
    {
        List<Guid> instanceIds;
        await using (var db = createWorkflowContext())
        {
            instanceIds = await db.Tasks.AsNoTracking().Where(t => t.SubjectCode == equipmentCode)
                .Select(t => t.InstanceId).Distinct().Take(MaxCases).ToListAsync(cancellationToken);
        }

        var entries = new List<DeviceRecordEntry>();
        foreach (var id in instanceIds)
        {
            if (await workflows.GetInstanceAsync(id, cancellationToken) is not { } state || !Covers(scope, state))
            {
                continue;
            }

            var unit = catalog.FindByProcessKey(state.ProcessKey)?.Title ?? state.ProcessKey;
            var url = $"/tasks/cases/{state.Id}";
            entries.Add(new DeviceRecordEntry(state.StartedAt, "case.started", unit, state.BusinessKey, url));
            if (state.EndedAt is { } ended)
            {
                // Completed is a decision reached; terminated or cancelled (撤回, 终止) is a case that stopped without one.
                var kind = state.Status == InstanceStatus.Completed ? "case.completed" : "case.ended";
                entries.Add(new DeviceRecordEntry(ended, kind, unit, state.BusinessKey, url));
            }
        }

        return entries;
    }

    // The case layer's own visibility rule (CaseRecord.IsVisibleTo): its region, its applicant or a party.
    private static bool Covers(AccessScope scope, InstanceState state) =>
        scope.Covers(
            CaseVariables.Text(state, CaseVariables.RegionCode),
            [CaseVariables.Number(state, CaseVariables.OrganisationId), .. CaseVariables.Ids(state, CaseVariables.Parties).Select(id => (long?)id)]);

    // Offered to whom the certificate API serves it (CertificatesApi): regulators and administrators
    // over the device (already in scope here) and the holder's own users; an inspection body gets no dead link.
    private static async Task<string?> CertificatePdfUrlAsync(
        RegistryDbContext db, ClaimsPrincipal user, AccessScope scope, string? number, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(number))
        {
            return null;
        }

        var holders = await db.ElectronicCertificates.AsNoTracking()
            .Where(c => c.Kind == ElectronicCertificateKind.UseRegistration && c.Number == number && c.Pdf != null)
            .Select(c => c.OrganisationId).ToListAsync(cancellationToken);
        var served = holders.Count > 0
            && (user.IsInRole(Roles.Regulator) || user.IsInRole(Roles.Admin) || holders.Any(id => scope.CoversOrganisation(id)));
        return served ? $"/api/certificates/{Uri.EscapeDataString(number)}/pdf" : null;
    }
}
