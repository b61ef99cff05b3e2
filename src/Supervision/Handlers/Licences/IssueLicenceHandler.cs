using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Licences;

/// <summary>
/// <c>licence.issue</c> (unit 01): a production licence for the applicant, for the scopes and
/// categories of the form, valid 4 years; the organisation gains the manufacturer or installer role.
/// Writes <c>licenceNo</c> and <c>renewalReminderAt</c> (6 months before expiry).
/// </summary>
internal sealed class IssueLicenceHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<IssueLicenceHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "licence.issue";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var organisation = await Db.RequireOrganisationAsync(variables.RequiredLong("organisationId"), cancellationToken);
        var scopes = (variables.Array("scopes") ?? throw new HandlerInputException("licence.issue needs the list 'scopes'.")).Select(s => s?.ToString() ?? string.Empty).Where(s => s.Length > 0).ToList();
        var categories = (variables.Array("categories") ?? []).Select(c => c?.ToString() ?? string.Empty).Where(c => c.Length > 0).ToList();
        var today = Time.Today();
        var licence = new Licence
        {
            OrganisationId = organisation.Id,
            Number = await LicenceRules.NextNumberAsync(Db, today.Year, cancellationToken),
            Scope = LicenceRules.ScopeText(scopes, categories),
            IssuedOn = today,
            ExpiresOn = LicenceRules.ExpiryFrom(today),
        };
        Db.Licences.Add(licence);
        if (scopes.Contains("manufacture"))
        {
            organisation.Roles |= OrganisationRoles.Manufacturer;
        }

        if (scopes.Any(s => s is "installation" or "renovation" or "repair"))
        {
            organisation.Roles |= OrganisationRoles.Installer;
        }

        await Db.SaveChangesAsync(cancellationToken);
        call.Output("licenceNo", licence.Number);
        call.Output("renewalReminderAt", LicenceRules.RenewalReminder(licence.ExpiresOn));
    }
}
