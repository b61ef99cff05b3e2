using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Persistence;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Licences;

/// <summary>
/// <c>licence.renew</c> (unit 02): 4 more years from the old expiry (换证). A cancelled licence cannot
/// be renewed (<c>licence-not-valid</c>). Writes <c>renewalReminderAt</c>.
/// </summary>
internal sealed class RenewLicenceHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<RenewLicenceHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "licence.renew";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var licence = await LicenceRules.RequireAsync(Db, call.Variables, cancellationToken);
        if (licence.CancelledOn is { } cancelled)
        {
            throw BusinessErrors.Error(BusinessErrors.LicenceNotValid, $"Licence {licence.Number} was cancelled on {cancelled:yyyy-MM-dd}; apply for a new licence.");
        }

        licence.ExpiresOn = LicenceRules.ExpiryFrom(licence.ExpiresOn.AddDays(1));
        await Db.SaveChangesAsync(cancellationToken);
        call.Output("renewalReminderAt", LicenceRules.RenewalReminder(licence.ExpiresOn));
    }
}
