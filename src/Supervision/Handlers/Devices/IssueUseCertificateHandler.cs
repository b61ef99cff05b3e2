using ApprovalHub.Supervision.Certificates;
using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Devices;

/// <summary>
/// <c>registry.issueUseCertificate</c>: the use-registration certificate with its number, its
/// e-certificate PDF (使用标志 and QR code) and the device put in use.
/// <list type="bullet">
/// <item>units 11 and 17 (first registration): a new number; the device goes 在建 → 在用; unit 17
/// registers every device of its list under one number;</item>
/// <item>unit 12 (变更登记): a transfer (过户) to the organisation of the form's 统一社会信用代码
/// gets a new number; other changes keep the number on a new certificate;</item>
/// <item>unit 16 (补证): the same number on a new certificate; the one named must be the device's.</item>
/// </list>
/// Earlier certificates of the device are superseded. Writes <c>certificateNo</c>.
/// </summary>
internal sealed class IssueUseCertificateHandler(
    RegistryDbContext db, UseCertificateIssuer issuer, TimeProvider timeProvider, ILogger<IssueUseCertificateHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "registry.issueUseCertificate";

    private readonly ILogger _logger = logger;

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var process = call.Context.ProcessKey;
        var devices = await DevicesAsync(variables, cancellationToken);
        var device = devices[0];
        string number;
        string detail;
        if (process == UnitProcesses.ChangeRegistration)
        {
            (number, detail) = await ChangeAsync(device, variables, cancellationToken);
        }
        else if (process == UnitProcesses.CertificateReissue)
        {
            number = RequireOwnNumber(device, variables);
            detail = $"补证 {number}（{variables.Text("reason") switch { "lost" => "遗失", "damaged" => "损毁", _ => "补发" }}）";
        }
        else
        {
            if (devices.FirstOrDefault(d => d.UseCertificateNumber is not null) is { } registered)
            {
                throw BusinessErrors.Error(BusinessErrors.AlreadyRegistered,
                    $"Device {registered.EquipmentCode} already holds use-registration certificate {registered.UseCertificateNumber}; apply for 变更登记 or 补证.");
            }

            number = await issuer.AllocateNumberAsync(device, cancellationToken);
            detail = number;
        }

        var today = Time.Today();
        foreach (var each in devices)
        {
            var before = (each.RegionCode, each.Category, each.Status);
            var registering = each.Status == EquipmentStatus.UnderConstruction;
            if (registering)
            {
                each.MoveTo(EquipmentStatus.InUse);
                each.FirstUsedOn ??= variables.Date("commissionedOn") ?? today;
            }

            each.UseCertificateNumber = number;
            Db.RegistrationEvents.Add(new RegistrationEvent
            {
                DeviceId = each.Id,
                Kind = registering ? RegistrationEventKind.Registered : RegistrationEventKind.Changed,
                OccurredOn = today,
                Detail = detail,
            });
            await RegionRollups.ApplyAsync(Db, before, (each.RegionCode, each.Category, each.Status), cancellationToken);
        }

        await issuer.IssueAsync(device, number, devices.Skip(1).Select(d => d.EquipmentCode).ToList(), cancellationToken);
        await Db.SaveChangesAsync(cancellationToken);
        HandlerLog.CertificateIssued(_logger, number, device.EquipmentCode, call.Context.InstanceId);
        call.Output("certificateNo", number);
    }

    private async Task<List<Device>> DevicesAsync(HandlerVariables variables, CancellationToken cancellationToken)
    {
        if (variables.Array("items") is not { Count: > 0 } items)
        {
            return [await Db.RequireDeviceAsync(variables, cancellationToken)];
        }

        var devices = new List<Device>(items.Count);
        var index = 0;
        foreach (var item in items)
        {
            var line = variables.Item(item, $"items[{index++}]");
            var code = line.RequiredText("equipmentCode");
            var device = await Db.FindDeviceAsync(code, cancellationToken)
                         ?? throw BusinessErrors.Error(BusinessErrors.DeviceUnknown, $"No device with 设备代码 {code} is registered.");
            if (variables.Long("organisationId") is { } applicant && !RegistryLookups.Involves(device, applicant))
            {
                throw BusinessErrors.Error(BusinessErrors.DeviceNotHeld, $"Organisation {applicant} is not the use unit of device {device.EquipmentCode}.");
            }

            devices.Add(device);
        }

        return devices;
    }

    private async Task<(string Number, string Detail)> ChangeAsync(Device device, HandlerVariables variables, CancellationToken cancellationToken)
    {
        var current = RequireOwnNumber(device, variables);
        var kind = variables.RequiredText("changeKind");
        var said = variables.Text("changeDetail");
        switch (kind)
        {
            case "transfer":
            {
                var creditText = variables.RequiredText("creditCode");
                if (!CreditCode.TryParse(creditText, out var credit, out var error))
                {
                    throw BusinessErrors.Error(BusinessErrors.OrganisationUnknown, error);
                }

                var newHolder = await Db.Organisations.FirstOrDefaultAsync(o => o.CreditCode == credit.Value, cancellationToken)
                                ?? throw BusinessErrors.Error(BusinessErrors.OrganisationUnknown, $"No organisation with 统一社会信用代码 {credit} is registered; register the new use unit first.");
                var from = device.UserOrganisationId;
                device.UserOrganisationId = newHolder.Id;
                var number = await issuer.AllocateNumberAsync(device, cancellationToken);
                return (number, $"过户 {from} → {newHolder.Id}，换发 {current} → {number}");
            }

            case "relocation" or "address":
                if (variables.Text("address") is { } address)
                {
                    device.Address = address;
                }

                return (current, $"{(kind == "relocation" ? "移装" : "地址变更")} {device.Address}；{said}".TrimEnd('；'));
            case "renovation" or "rename" or "designLife":
                var label = kind switch { "renovation" => "改造", "rename" => "更名", _ => "达到设计使用年限继续使用" };
                return (current, $"{label}：{said}".TrimEnd('：'));
            default:
                throw new HandlerInputException($"registry.issueUseCertificate: changeKind '{kind}' is not one of renovation, relocation, transfer, rename, address, designLife.");
        }
    }

    private static string RequireOwnNumber(Device device, HandlerVariables variables)
    {
        if (device.UseCertificateNumber is not { } current)
        {
            throw BusinessErrors.Error(BusinessErrors.CertificateMismatch, $"Device {device.EquipmentCode} has no use-registration certificate yet; apply for 使用登记 first.");
        }

        if (variables.Text("certificateNo") is { } named && !string.Equals(Normalise(named), current, StringComparison.Ordinal))
        {
            throw BusinessErrors.Error(BusinessErrors.CertificateMismatch, $"Certificate {named} is not the certificate of device {device.EquipmentCode} ({current}).");
        }

        return current;
    }

    private static string Normalise(string number) => number.Trim().Replace('（', '(').Replace('）', ')');
}
