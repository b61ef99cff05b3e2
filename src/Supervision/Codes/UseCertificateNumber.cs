using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Codes;

/// <summary>
/// 使用登记证编号 (use-registration certificate number), for example <c>梯11浙A00001(26)</c>:
/// equipment character (梯) + the class and variety digits of the catalog code (3110 → 11) +
/// province abbreviation (浙) + city letter (A) + 5-character serial + (2-digit year).
/// </summary>
/// <remarks>
/// The pattern is observed in deployed systems [S] (domain.md section 2.5 a); the official annex was
/// not found, so the characters per category and the city letters are configuration
/// (<see cref="UseCertificateFormat"/>), not constants. The serial may contain letters (梯11浙AJ5023(19)).
/// </remarks>
public readonly partial record struct UseCertificateNumber
{
    private UseCertificateNumber(string value, char equipmentCharacter, string varietyDigits, char province, char cityLetter, string serial, int year)
    {
        Value = value;
        EquipmentCharacter = equipmentCharacter;
        VarietyDigits = varietyDigits;
        Province = province;
        CityLetter = cityLetter;
        Serial = serial;
        YearOfCentury = year;
    }

    /// <summary>The whole number.</summary>
    public string Value { get; }

    /// <summary>梯, 起, 车 …</summary>
    public char EquipmentCharacter { get; }

    /// <summary>Characters 2–3 of the catalog code (11 for 3110).</summary>
    public string VarietyDigits { get; }

    /// <summary>The province abbreviation (浙).</summary>
    public char Province { get; }

    /// <summary>The city letter (A).</summary>
    public char CityLetter { get; }

    /// <summary>The five-character serial.</summary>
    public string Serial { get; }

    /// <summary>The two-digit year of registration.</summary>
    public int YearOfCentury { get; }

    /// <summary>Parses a number or throws <see cref="FormatException"/> with the reason.</summary>
    public static UseCertificateNumber Parse(string text) =>
        TryParse(text, out var number, out var error) ? number : throw new FormatException(error);

    /// <summary>Parses the structure; <paramref name="error"/> says which part is wrong.</summary>
    public static bool TryParse(string? text, out UseCertificateNumber number, [NotNullWhen(false)] out string? error)
    {
        number = default;
        var value = text?.Trim().Replace('（', '(').Replace('）', ')');
        if (string.IsNullOrEmpty(value))
        {
            error = "使用登记证编号 is empty; it looks like 梯11浙A00001(26).";
            return false;
        }

        var match = Shape().Match(value);
        if (!match.Success)
        {
            error = Explain(value);
            return false;
        }

        number = new UseCertificateNumber(
            value,
            match.Groups["kind"].Value[0],
            match.Groups["variety"].Value,
            match.Groups["province"].Value[0],
            match.Groups["city"].Value[0],
            match.Groups["serial"].Value,
            int.Parse(match.Groups["year"].Value, CultureInfo.InvariantCulture));
        error = null;
        return true;
    }

    /// <summary>True when the number fits a device of <paramref name="catalog"/> under <paramref name="format"/>.</summary>
    public bool Fits(CatalogCode catalog, UseCertificateFormat format, [NotNullWhen(false)] out string? error)
    {
        if (catalog.Value[1..3] != VarietyDigits)
        {
            error = $"使用登记证编号 '{Value}' has variety digits {VarietyDigits}, but the device's catalog code {catalog} gives {catalog.Value[1..3]}.";
            return false;
        }

        if (format.CharacterFor(catalog.Category) is { } expected && expected != EquipmentCharacter)
        {
            error = $"使用登记证编号 '{Value}' starts with '{EquipmentCharacter}', but {catalog.Category.ChineseName()} numbers start with '{expected}'.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>Builds a number.</summary>
    public static UseCertificateNumber Create(char equipmentCharacter, CatalogCode catalog, char province, char cityLetter, int serial, int year) =>
        Parse(string.Create(CultureInfo.InvariantCulture, $"{equipmentCharacter}{catalog.Value[1..3]}{province}{cityLetter}{serial:00000}({year % 100:00})"));

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;

    private static string Explain(string value)
    {
        if (!IsChinese(value[0]))
        {
            return $"使用登记证编号 '{value}' must start with the equipment character (梯, 起, 车 …).";
        }

        if (value.Length < 3 || !char.IsAsciiDigit(value[1]) || !char.IsAsciiDigit(value[2]))
        {
            return $"使用登记证编号 '{value}': characters 2–3 are the class and variety digits of the catalog code (11 for 3110).";
        }

        if (value.Length < 4 || !IsChinese(value[3]))
        {
            return $"使用登记证编号 '{value}': character 4 is the province abbreviation (浙).";
        }

        if (value.Length < 5 || !char.IsAsciiLetterUpper(value[4]))
        {
            return $"使用登记证编号 '{value}': character 5 is the capital city letter (A for 杭州).";
        }

        return $"使用登记证编号 '{value}' must end with a 5-character serial and the year in brackets, as in 梯11浙A00001(26).";
    }

    private static bool IsChinese(char c) => c is >= '\u4e00' and <= '\u9fff';

    [GeneratedRegex(@"^(?<kind>[\u4e00-\u9fff])(?<variety>[0-9A-Z]{2})(?<province>[\u4e00-\u9fff])(?<city>[A-Z])(?<serial>[0-9A-Z]{5})\((?<year>[0-9]{2})\)$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
