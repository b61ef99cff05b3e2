using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Organisations;

/// <summary>
/// <c>registry.recordSafetyStaff</c> (unit 28): the organisation's 安全总监 and 安全员 under SAMR
/// Order No. 74. A filing replaces the list in office: earlier members end today.
/// </summary>
internal sealed class RecordSafetyStaffHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<RecordSafetyStaffHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "registry.recordSafetyStaff";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var organisation = await Db.RequireOrganisationAsync(variables.RequiredLong("organisationId"), cancellationToken);
        var staff = variables.Array("staff") is { Count: > 0 } list ? list : throw new HandlerInputException("registry.recordSafetyStaff needs the list 'staff' with at least one person.");
        var today = Time.Today();
        foreach (var member in await Db.SafetyStaff.Where(s => s.OrganisationId == organisation.Id && s.EndedOn == null).ToListAsync(cancellationToken))
        {
            member.EndedOn = today;
        }

        var index = 0;
        foreach (var item in staff)
        {
            var person = variables.Item(item, $"staff[{index++}]");
            Db.SafetyStaff.Add(new SafetyStaffMember
            {
                OrganisationId = organisation.Id,
                Name = person.RequiredText("name"),
                Role = person.RequiredText("role") switch
                {
                    "director" => SafetyStaffRole.Director,
                    "officer" => SafetyStaffRole.Officer,
                    var other => throw new HandlerInputException($"registry.recordSafetyStaff: role is director or officer, not '{other}'."),
                },
                CategoryCode = person.RequiredText("category"),
                CertificateNumber = person.Text("certificateNo"),
                AppointedOn = today,
            });
        }

        await Db.SaveChangesAsync(cancellationToken);
    }
}
