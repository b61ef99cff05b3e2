using System.Diagnostics.CodeAnalysis;

namespace ApprovalHub.Supervision.Codes;

/// <summary>
/// 电梯应急救援识别码: the 6-digit code printed on a lift's use sign, read out to the 96333
/// platform to locate the lift [V] (domain.md section 7). How Zhejiang allocates them is unverified,
/// so the registry only checks the shape and uniqueness.
/// </summary>
public static class RescueCode
{
    /// <summary>Checks a code; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryValidate(string? text, [NotNullWhen(true)] out string? code, [NotNullWhen(false)] out string? error)
    {
        code = text?.Trim();
        if (code is not { Length: 6 } || code.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            error = $"救援识别码 has 6 digits, not '{text}'.";
            code = null;
            return false;
        }

        error = null;
        return true;
    }
}
