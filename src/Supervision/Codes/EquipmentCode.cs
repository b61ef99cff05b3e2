using System.Diagnostics.CodeAnalysis;
using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Codes;

/// <summary>
/// 设备代码 (lifetime equipment code, assigned by the manufacturer), 18 characters:
/// 设备基本代码 (4, the catalog code, <c>3110</c>) + 制造单位代号 (5: the 2-digit licensing
/// authority region, <c>10</c> for SAMR, and the 3-digit unit number from the licence) + 制造年份 (4)
/// + 制造顺序号 (5; past 99999 letters are used). Source: "附件2 特种设备代码编号方法" [S]
/// (domain.md section 2.5 b); the final TSG 08-2017 wording is unverified, so the checks below are
/// the structure only.
/// </summary>
public readonly record struct EquipmentCode
{
    private EquipmentCode(string value) => Value = value;

    /// <summary>The 18 characters.</summary>
    public string Value { get; }

    /// <summary>The catalog code (first 4 characters).</summary>
    public CatalogCode Catalog => CatalogCode.Parse(Value[..4]);

    /// <summary>The manufacturer's 5-digit code.</summary>
    public string ManufacturerCode => Value[4..9];

    /// <summary>The year of manufacture.</summary>
    public int Year => int.Parse(Value.AsSpan(9, 4), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Parses a code or throws <see cref="FormatException"/> with the reason.</summary>
    public static EquipmentCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>Parses a code; <paramref name="error"/> names the part that is wrong.</summary>
    public static bool TryParse(string? text, out EquipmentCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var value = text?.Trim().ToUpperInvariant();
        if (value is not { Length: 18 })
        {
            error = $"设备代码 has 18 characters (4 catalog + 5 manufacturer + 4 year + 5 sequence), '{text}' has {text?.Trim().Length ?? 0}.";
            return false;
        }

        if (!CatalogCode.TryParse(value[..4], out var catalog, out var catalogError))
        {
            error = $"设备代码 '{value}': characters 1–4 are the catalog code. {catalogError}";
            return false;
        }

        if (catalog.Level == CatalogLevel.Category)
        {
            error = $"设备代码 '{value}': '{catalog}' is a whole category; the code starts with the class or variety (3110, not 3000).";
            return false;
        }

        if (value.AsSpan(4, 5).ContainsAnyExceptInRange('0', '9'))
        {
            error = $"设备代码 '{value}': characters 5–9 are the manufacturer code and must be digits, not '{value[4..9]}'.";
            return false;
        }

        var year = value[9..13];
        if (year.AsSpan().ContainsAnyExceptInRange('0', '9') || string.CompareOrdinal(year, "1900") < 0 || string.CompareOrdinal(year, "2099") > 0)
        {
            error = $"设备代码 '{value}': characters 10–13 are the year of manufacture (1900–2099), not '{value[9..13]}'.";
            return false;
        }

        if (!value[13..].All(char.IsAsciiLetterOrDigit))
        {
            error = $"设备代码 '{value}': characters 14–18 are the sequence number (digits, or capital letters past 99999), not '{value[13..]}'.";
            return false;
        }

        code = new EquipmentCode(value);
        error = null;
        return true;
    }

    /// <summary>Builds a code from its parts.</summary>
    public static EquipmentCode Create(CatalogCode catalog, string manufacturerCode, int year, int sequence)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sequence);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(sequence, 99_999);
        return Parse(FormattableString.Invariant($"{catalog.Value}{manufacturerCode}{year:0000}{sequence:00000}"));
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
