using System.Globalization;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Registry;

namespace ApprovalHub.Supervision.Import;

/// <summary>
/// The columns of a device list workbook (导入/导出模板): Chinese headers, one device per row. Export
/// writes the same headers, so an exported file can be edited and imported elsewhere.
/// </summary>
public static class DeviceSheet
{
    /// <summary>The most rows one import accepts.</summary>
    public const int MaxRows = 10_000;

    /// <summary>Header → field of <see cref="DeviceInput"/>.</summary>
    public static IReadOnlyList<(string Header, string Field)> Columns { get; } =
    [
        ("设备代码", nameof(DeviceInput.EquipmentCode)),
        ("设备品种代码", nameof(DeviceInput.CatalogCode)),
        ("区划代码", nameof(DeviceInput.RegionCode)),
        ("使用地点", nameof(DeviceInput.Address)),
        ("使用单位信用代码", nameof(DeviceInput.UserUnitCreditCode)),
        ("维保单位信用代码", nameof(DeviceInput.MaintenanceUnitCreditCode)),
        ("制造单位信用代码", nameof(DeviceInput.ManufacturerCreditCode)),
        ("注册代码", nameof(DeviceInput.RegistrationCode)),
        ("使用登记证编号", nameof(DeviceInput.UseCertificateNumber)),
        ("救援识别码", nameof(DeviceInput.RescueCode)),
        ("设备状态", nameof(DeviceInput.Status)),
        ("制造日期", nameof(DeviceInput.ManufacturedOn)),
        ("安装日期", nameof(DeviceInput.InstalledOn)),
        ("投用日期", nameof(DeviceInput.FirstUsedOn)),
        ("检验有效期至", nameof(DeviceInput.InspectionValidUntil)),
        ("安全状况等级", nameof(DeviceInput.SafetyGrade)),
    ];

    /// <summary>Reads one sheet row into an input; cell problems (a date that is not a date) go to <paramref name="errors"/>.</summary>
    public static DeviceInput Read(IDictionary<string, object?> row, FieldErrors errors)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(errors);
        string? Text(string header) => row.TryGetValue(header, out var value) ? Cell(value) : null;

        return new DeviceInput
        {
            EquipmentCode = Text("设备代码"),
            CatalogCode = Text("设备品种代码"),
            RegionCode = Text("区划代码"),
            Address = Text("使用地点"),
            UserUnitCreditCode = Text("使用单位信用代码"),
            MaintenanceUnitCreditCode = Text("维保单位信用代码"),
            ManufacturerCreditCode = Text("制造单位信用代码"),
            RegistrationCode = Text("注册代码"),
            UseCertificateNumber = Text("使用登记证编号"),
            RescueCode = Text("救援识别码"),
            Status = Status(Text("设备状态"), errors),
            ManufacturedOn = Date(row, "制造日期", errors),
            InstalledOn = Date(row, "安装日期", errors),
            FirstUsedOn = Date(row, "投用日期", errors),
            InspectionValidUntil = Date(row, "检验有效期至", errors),
            SafetyGrade = Grade(Text("安全状况等级"), errors),
        };
    }

    /// <summary>The sheet row of a device (export).</summary>
    public static Dictionary<string, object?> Write(Device device, IReadOnlyDictionary<long, string> creditCodes)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(creditCodes);
        string? Credit(long? id) => id is { } value && creditCodes.TryGetValue(value, out var code) ? code : null;
        return new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["设备代码"] = device.EquipmentCode,
            ["设备品种代码"] = device.CatalogCode,
            ["区划代码"] = device.RegionCode,
            ["使用地点"] = device.Address,
            ["使用单位信用代码"] = Credit(device.UserOrganisationId),
            ["维保单位信用代码"] = Credit(device.MaintenanceOrganisationId),
            ["制造单位信用代码"] = Credit(device.ManufacturerOrganisationId),
            ["注册代码"] = device.RegistrationCode,
            ["使用登记证编号"] = device.UseCertificateNumber,
            ["救援识别码"] = device.RescueCode,
            ["设备状态"] = device.Status.ChineseName(),
            ["制造日期"] = Format(device.ManufacturedOn),
            ["安装日期"] = Format(device.InstalledOn),
            ["投用日期"] = Format(device.FirstUsedOn),
            ["检验有效期至"] = Format(device.InspectionValidUntil),
            ["安全状况等级"] = device.SafetyGrade,
        };
    }

    private static string? Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string? Cell(object? value) => value switch
    {
        null => null,
        string text => string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
        double number => number.ToString(CultureInfo.InvariantCulture),
        DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim(),
    };

    private static DateOnly? Date(IDictionary<string, object?> row, string header, FieldErrors errors)
    {
        if (!row.TryGetValue(header, out var value) || value is null || value is string { Length: 0 })
        {
            return null;
        }

        switch (value)
        {
            case DateTime date:
                return DateOnly.FromDateTime(date);
            case double serial when serial is > 0 and < 2_958_466:
                // A date cell without a date format arrives as its Excel serial number.
                return DateOnly.FromDateTime(DateTime.FromOADate(serial));
        }

        var text = Cell(value);
        if (DateOnly.TryParseExact(text, ["yyyy-MM-dd", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
        {
            return parsed;
        }

        errors.Add(header, $"{header} '{text}' is not a date (use 2026-01-31).");
        return null;
    }

    private static EquipmentStatus? Status(string? text, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        foreach (var status in Enum.GetValues<EquipmentStatus>())
        {
            if (text == status.ChineseName() || text.Equals(status.ToString(), StringComparison.OrdinalIgnoreCase))
            {
                return status;
            }
        }

        errors.Add("设备状态", $"设备状态 '{text}' is not one of 在建, 在用, 停用.");
        return null;
    }

    private static int? Grade(string? text, FieldErrors errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var grade))
        {
            return grade;
        }

        errors.Add("安全状况等级", $"安全状况等级 '{text}' is not a number 1–5.");
        return null;
    }
}
