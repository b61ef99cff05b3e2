using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Licences;

/// <summary><c>licence.cancel</c> (unit 04): the licence is cancelled (注销) today; a cancelled licence keeps its first date.</summary>
internal sealed class CancelLicenceHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<CancelLicenceHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "licence.cancel";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var licence = await LicenceRules.RequireAsync(Db, call.Variables, cancellationToken);
        licence.CancelledOn ??= Time.Today();
        await Db.SaveChangesAsync(cancellationToken);
    }
}
