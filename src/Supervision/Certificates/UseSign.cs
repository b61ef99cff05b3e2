using System.Text.Json;

namespace ApprovalHub.Supervision.Certificates;

/// <summary>
/// 特种设备使用标志: what the sign fixed on the device shows (TSG 08-2017 annex, as summarised in
/// domain.md 2.5): the codes, the use unit, the next inspection, the rescue code and hotline for
/// lifts, and the QR code that opens the device's public page.
/// </summary>
public sealed record UseSign
{
    /// <summary>使用登记证编号.</summary>
    public required string CertificateNumber { get; init; }

    /// <summary>设备代码.</summary>
    public required string EquipmentCode { get; init; }

    /// <summary>设备类别 (category), in Chinese.</summary>
    public required string Category { get; init; }

    /// <summary>设备品种 catalog code.</summary>
    public required string CatalogCode { get; init; }

    /// <summary>使用单位.</summary>
    public required string UserOrganisation { get; init; }

    /// <summary>使用地点.</summary>
    public required string Address { get; init; }

    /// <summary>登记机关 (the city registration authority), in words.</summary>
    public required string RegistrationAuthority { get; init; }

    /// <summary>下次检验日期, when scheduled.</summary>
    public DateOnly? NextInspectionOn { get; init; }

    /// <summary>维保单位, for equipment that has one.</summary>
    public string? MaintenanceOrganisation { get; init; }

    /// <summary>电梯应急救援识别码 (lifts).</summary>
    public string? RescueCode { get; init; }

    /// <summary>投诉/救援电话 (96333 by default).</summary>
    public required string Hotline { get; init; }

    /// <summary>The public URL the QR code encodes.</summary>
    public required string PublicUrl { get; init; }

    /// <summary>发证日期.</summary>
    public DateOnly IssuedOn { get; init; }

    /// <summary>Further 设备代码 registered under the same certificate (按单位登记: cylinders, industrial piping).</summary>
    public IReadOnlyList<string> FurtherEquipmentCodes { get; init; } = [];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    /// <summary>As stored in <c>reg_e_certificates.sign_details</c>.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Options);
}
