using System.Diagnostics.CodeAnalysis;

namespace ApprovalHub.Supervision.Codes;

/// <summary>
/// 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters — registration
/// authority (1), organisation kind (1), GB/T 2260 region of the registering authority (6), the
/// GB 11714 organisation code (9) and a check character (1). The alphabet is the digits and the
/// capital letters without I, O, Z, S and V (31 symbols).
/// </summary>
public readonly record struct CreditCode
{
    /// <summary>The 31 symbols, in value order.</summary>
    internal const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    private CreditCode(string value) => Value = value;

    /// <summary>The 18 characters, upper case.</summary>
    public string Value { get; }

    /// <summary>The region of the registering authority (characters 3–8).</summary>
    public string RegionCode => Value[2..8];

    /// <summary>Parses a code or throws <see cref="FormatException"/> with the reason.</summary>
    public static CreditCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>Parses a code; <paramref name="error"/> says precisely what is wrong.</summary>
    public static bool TryParse(string? text, out CreditCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var value = text?.Trim().ToUpperInvariant();
        if (value is not { Length: 18 })
        {
            error = $"统一社会信用代码 has 18 characters, '{text}' has {text?.Trim().Length ?? 0}.";
            return false;
        }

        for (var i = 0; i < value.Length; i++)
        {
            if (!Alphabet.Contains(value[i], StringComparison.Ordinal))
            {
                error = $"统一社会信用代码 '{value}': character {i + 1} '{value[i]}' is not allowed (digits and capital letters except I, O, Z, S, V).";
                return false;
            }
        }

        if (value.AsSpan(2, 6).ContainsAnyExceptInRange('0', '9'))
        {
            error = $"统一社会信用代码 '{value}': characters 3–8 are the region code and must be digits.";
            return false;
        }

        var expected = CheckCharacter(value.AsSpan(0, 17));
        if (value[17] != expected)
        {
            error = $"统一社会信用代码 '{value}': the check character is '{value[17]}', GB 32100 gives '{expected}' — a character was mistyped.";
            return false;
        }

        code = new CreditCode(value);
        error = null;
        return true;
    }

    /// <summary>Appends the GB 32100 check character to 17 valid characters.</summary>
    public static CreditCode Create(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || first17.Any(c => !Alphabet.Contains(c, StringComparison.Ordinal)))
        {
            throw new ArgumentException($"Need 17 characters of the credit-code alphabet, not '{first17}'.", nameof(first17));
        }

        return new CreditCode(first17 + CheckCharacter(first17));
    }

    /// <summary>The GB 32100 check character: 31 − (Σ value × weight mod 31), where 31 counts as 0.</summary>
    internal static char CheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i], StringComparison.Ordinal) * Weights[i];
        }

        var check = 31 - (sum % 31);
        return Alphabet[check == 31 ? 0 : check];
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}
