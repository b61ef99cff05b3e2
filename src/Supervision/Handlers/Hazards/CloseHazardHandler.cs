using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Hazards;

/// <summary><c>hazard.close</c> (unit 31): closes the hazard after a passed review (销号). A closed hazard stays closed on its first date.</summary>
internal sealed class CloseHazardHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<CloseHazardHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "hazard.close";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var id = call.Variables.RequiredLong("hazardId");
        var hazard = await Db.Hazards.FirstOrDefaultAsync(h => h.Id == id, cancellationToken)
                     ?? throw BusinessErrors.Error(BusinessErrors.HazardUnknown, $"No hazard {id} is on file.");
        hazard.ClosedOn ??= Time.Today();
        await Db.SaveChangesAsync(cancellationToken);
    }
}
