using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace ApprovalHub.Supervision.Codes;

/// <summary>
/// 注册代码 (legacy registration code, assigned by the registration authority), 20 digits:
/// 设备分类码 (4) + GB/T 2260 code of the authority (6) + registration year and month (6, YYYYMM)
/// + sequence per class per month (4). Example <c>31106401052014080025</c> [S] (domain.md 2.5 c).
/// </summary>
public readonly record struct RegistrationCode
{
    private RegistrationCode(string value) => Value = value;

    /// <summary>The 20 digits.</summary>
    public string Value { get; }

    /// <summary>The region code of the registration authority.</summary>
    public string RegionCode => Value[4..10];

    /// <summary>The month of registration.</summary>
    public DateOnly RegisteredMonth => new(int.Parse(Value.AsSpan(10, 4), CultureInfo.InvariantCulture), int.Parse(Value.AsSpan(14, 2), CultureInfo.InvariantCulture), 1);

    /// <summary>Parses a code or throws <see cref="FormatException"/> with the reason.</summary>
    public static RegistrationCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>Parses a code; <paramref name="error"/> names the part that is wrong.</summary>
    public static bool TryParse(string? text, out RegistrationCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var value = text?.Trim();
        if (value is not { Length: 20 } || value.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            error = $"注册代码 has 20 digits (4 class + 6 region + 6 year-month + 4 sequence), not '{text}'.";
            return false;
        }

        if (value[0] == '0' || value[3] != '0')
        {
            error = $"注册代码 '{value}': characters 1–4 are the equipment class code (for example 3110), not '{value[..4]}'.";
            return false;
        }

        var year = int.Parse(value.AsSpan(10, 4), CultureInfo.InvariantCulture);
        var month = int.Parse(value.AsSpan(14, 2), CultureInfo.InvariantCulture);
        if (year is < 1950 or > 2099 || month is < 1 or > 12)
        {
            error = $"注册代码 '{value}': characters 11–16 are the registration year and month (YYYYMM), not '{value[10..16]}'.";
            return false;
        }

        code = new RegistrationCode(value);
        error = null;
        return true;
    }

    /// <summary>Builds a code from its parts.</summary>
    public static RegistrationCode Create(string classCode, string authorityRegion, DateOnly month, int sequence) =>
        Parse(FormattableString.Invariant($"{classCode}{authorityRegion}{month.Year:0000}{month.Month:00}{sequence:0000}"));

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
