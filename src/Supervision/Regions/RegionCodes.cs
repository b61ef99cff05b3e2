using System.Diagnostics.CodeAnalysis;

namespace ApprovalHub.Supervision.Regions;

/// <summary>
/// GB/T 2260 region codes: 6 digits for province (<c>330000</c>), city (<c>330100</c>) and county
/// (<c>330106</c>); 12 digits for a township or street (<c>330106001000</c>: county + 3 township
/// digits + <c>000</c>, the NBS 统计用区划代码 structure). <c>000000</c> stands for the whole country.
/// </summary>
public static class RegionCodes
{
    /// <summary>The code that stands for the whole country.</summary>
    public const string National = "000000";

    /// <summary>Checks the shape of a code; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryValidate(string? code, [NotNullWhen(false)] out string? error)
    {
        if (code is null || (code.Length != 6 && code.Length != 12) || !code.All(char.IsAsciiDigit))
        {
            error = $"A region code has 6 digits (province, city, county) or 12 digits (street/township), not '{code}'.";
            return false;
        }

        if (code.Length == 12 && !code.EndsWith("000", StringComparison.Ordinal))
        {
            error = $"'{code}' is a village code; the registry goes down to street/township level (12 digits ending in 000).";
            return false;
        }

        if (code.Length == 12 && (code[4..6] == "00" || code[6..9] == "000"))
        {
            error = $"'{code}' is not a street code: a street is a county code (6 digits) followed by a township number and 000.";
            return false;
        }

        error = null;
        return true;
    }

    /// <summary>The level of a valid code.</summary>
    public static RegionLevel LevelOf(string code)
    {
        if (code.Length == 12)
        {
            return RegionLevel.Street;
        }

        if (code == National)
        {
            return RegionLevel.National;
        }

        if (code.EndsWith("0000", StringComparison.Ordinal))
        {
            return RegionLevel.Province;
        }

        return code.EndsWith("00", StringComparison.Ordinal) ? RegionLevel.City : RegionLevel.County;
    }

    /// <summary>The code one level up (<c>330106001000</c> → <c>330106</c> → <c>330100</c> → <c>330000</c> → <c>000000</c>), or null for the country.</summary>
    public static string? ParentOf(string code) => LevelOf(code) switch
    {
        RegionLevel.Street => code[..6],
        RegionLevel.County => code[..4] + "00",
        RegionLevel.City => code[..2] + "0000",
        RegionLevel.Province => National,
        _ => null,
    };

    /// <summary>
    /// The code of the ancestor of <paramref name="code"/> at <paramref name="level"/>
    /// (<c>330106001000</c> at <see cref="RegionLevel.City"/> is <c>330100</c>).
    /// </summary>
    public static string AncestorAt(string code, RegionLevel level) => level switch
    {
        RegionLevel.National => National,
        RegionLevel.Province => code[..2] + "0000",
        RegionLevel.City => code[..4] + "00",
        RegionLevel.County => code[..6],
        _ => code,
    };
}
