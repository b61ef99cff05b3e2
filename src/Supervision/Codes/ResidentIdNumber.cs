using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ApprovalHub.Supervision.Codes;

/// <summary>
/// 公民身份号码 (GB 11643-1999): 6-digit region, 8-digit birth date, 3-digit sequence and an ISO
/// 7064 MOD 11-2 check character (0–9 or X). The registry never stores the number in clear: it
/// keeps the <see cref="Masked"/> form for display and a keyed <see cref="Fingerprint"/> to find
/// the same person again.
/// </summary>
public readonly record struct ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    private ResidentIdNumber(string value) => Value = value;

    /// <summary>The 18 characters; never log or display this.</summary>
    public string Value { get; }

    /// <summary>For display: region and last four kept, the birth date hidden (<c>330106********123X</c>).</summary>
    public string Masked => string.Concat(Value.AsSpan(0, 6), "********", Value.AsSpan(14, 4));

    /// <summary>
    /// A SHA-256 of the number under <paramref name="pepper"/> (hex): equal numbers give equal
    /// fingerprints, and the number cannot be read back from it without the pepper.
    /// </summary>
    public string Fingerprint(string pepper) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(pepper), Encoding.ASCII.GetBytes(Value)));

    /// <summary>Parses a number; <paramref name="error"/> says what is wrong without repeating the number.</summary>
    public static bool TryParse(string? text, out ResidentIdNumber number, [NotNullWhen(false)] out string? error)
    {
        number = default;
        var value = text?.Trim().ToUpperInvariant();

        // Error messages never echo the number: they end up in logs and import reports.
        if (value is not { Length: 18 } || value.AsSpan(0, 17).ContainsAnyExceptInRange('0', '9') || !(char.IsAsciiDigit(value[17]) || value[17] == 'X'))
        {
            error = "身份证号码 has 17 digits followed by a digit or X.";
            return false;
        }

        if (!DateOnly.TryParseExact(value.AsSpan(6, 8), "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            error = "身份证号码: characters 7–14 are not a valid birth date.";
            return false;
        }

        if (value[17] != CheckCharacter(value.AsSpan(0, 17)))
        {
            error = "身份证号码: the check character does not match (GB 11643) — a digit was mistyped.";
            return false;
        }

        number = new ResidentIdNumber(value);
        error = null;
        return true;
    }

    /// <summary>Appends the check character to 17 digits.</summary>
    public static ResidentIdNumber Create(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (!TryParse(first17 + CheckCharacter(first17), out var number, out var error))
        {
            throw new ArgumentException(error, nameof(first17));
        }

        return number;
    }

    internal static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Masked, so an accidental log line leaks nothing.</summary>
    public override string ToString() => Value is null ? string.Empty : Masked;
}
