using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Licences;

/// <summary>
/// <c>licence.change</c> (unit 03): a name, address or representative change is recorded on the
/// licence; an added scope or upgrade (增项/升级) extends its scope text. Only a licence in force
/// changes (<c>licence-not-valid</c> otherwise).
/// </summary>
internal sealed class ChangeLicenceHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger<ChangeLicenceHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "licence.change";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var licence = await LicenceRules.RequireAsync(Db, variables, cancellationToken);
        var today = Time.Today();
        if (licence.CancelledOn is not null || licence.ExpiresOn < today)
        {
            throw BusinessErrors.Error(BusinessErrors.LicenceNotValid, $"Licence {licence.Number} is not in force; it cannot be changed.");
        }

        var kind = variables.RequiredText("changeKind");
        var detail = variables.RequiredText("changeDetail");
        var label = kind switch
        {
            "name" => "名称变更",
            "address" => "地址变更",
            "representative" => "法定代表人变更",
            "addScope" => "增项",
            "upgrade" => "升级",
            _ => throw new HandlerInputException($"licence.change: changeKind '{kind}' is not one of name, address, representative, addScope, upgrade."),
        };
        if (kind is "addScope" or "upgrade")
        {
            var scope = $"{licence.Scope}；{label}：{detail}";
            licence.Scope = scope.Length > 200 ? scope[..200] : scope;
        }

        var change = $"{label}：{detail}";
        licence.LastChange = change.Length > 500 ? change[..500] : change;
        licence.ChangedOn = today;
        await Db.SaveChangesAsync(cancellationToken);
    }
}
