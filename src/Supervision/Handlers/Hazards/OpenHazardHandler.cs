using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Registry;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Hazards;

/// <summary>
/// <c>hazard.open</c>: opens a hazard (隐患) on a device or an organisation.
/// <list type="bullet">
/// <item>a list <c>hazards</c> of {equipmentCode, description} (unit 29 self-check): one per item;</item>
/// <item>an <c>equipmentCode</c> (units 10, 30, 31, 34): one on the device, described by
/// <c>hazard</c>, <c>description</c>, <c>findings</c>, <c>handling</c> or <c>comment</c>;</item>
/// <item>otherwise the <c>targets</c> of a double-random check (unit 32), or the
/// <c>organisationId</c>: one on each organisation.</item>
/// </list>
/// Level 严重 when <c>hazardLevel</c> is serious or the order stops use (<c>stopUse</c>). Writes
/// <c>hazardId</c> (the first hazard opened).
/// </summary>
internal sealed class OpenHazardHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<OpenHazardHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "hazard.open";

    private static readonly string[] DescriptionVariables = ["hazard", "description", "findings", "handling", "conclusion", "comment"];

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var level = variables.Text("hazardLevel") == "serious" || variables.Bool("stopUse") == true ? HazardLevel.Serious : HazardLevel.General;
        var today = Time.Today();
        var opened = new List<HazardRecord>();
        if (variables.Array("hazards") is { Count: > 0 } list)
        {
            var index = 0;
            foreach (var item in list)
            {
                var line = variables.Item(item, $"hazards[{index++}]");
                var device = await Db.RequireDeviceAsync(line, cancellationToken);
                opened.Add(new HazardRecord { DeviceId = device.Id, OrganisationId = device.UserOrganisationId, FoundOn = today, Level = level, Description = Describe(line.RequiredText("description")) });
            }
        }
        else if (variables.Text("equipmentCode") is not null)
        {
            var device = await Db.RequireDeviceAsync(variables, cancellationToken);
            opened.Add(new HazardRecord { DeviceId = device.Id, OrganisationId = device.UserOrganisationId, FoundOn = today, Level = level, Description = Describe(Description(variables)) });
        }
        else
        {
            var organisations = new List<long>();
            if (variables.Array("targets") is { Count: > 0 } targets)
            {
                var index = 0;
                foreach (var target in targets)
                {
                    organisations.Add(variables.Item(target, $"targets[{index++}]").RequiredLong("organisationId"));
                }
            }
            else
            {
                organisations.Add(variables.Long("organisationId")
                    ?? throw new HandlerInputException("hazard.open needs equipmentCode, a list of hazards, targets or organisationId."));
            }

            foreach (var id in organisations.Distinct())
            {
                var organisation = await Db.RequireOrganisationAsync(id, cancellationToken);
                opened.Add(new HazardRecord { OrganisationId = organisation.Id, FoundOn = today, Level = level, Description = Describe(Description(variables)) });
            }
        }

        Db.Hazards.AddRange(opened);
        await Db.SaveChangesAsync(cancellationToken);
        call.Output("hazardId", opened[0].Id);
    }

    private static string Description(HandlerVariables variables) =>
        DescriptionVariables.Select(variables.Text).FirstOrDefault(t => t is not null) ?? "检查发现事故隐患";

    private static string Describe(string text) => text.Length > 500 ? text[..500] : text;
}
