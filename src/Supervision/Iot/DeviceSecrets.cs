using System.Globalization;
using System.Security.Cryptography;

namespace ApprovalHub.Supervision.Iot;

/// <summary>
/// Device secrets and their hashes. A secret is 32 random bytes (base64url). Its hash is
/// PBKDF2-SHA512 written the way Mosquitto 2 writes its password file
/// (<c>$7$iterations$salt$hash</c>, base64), so the password file Mosquitto reads is a plain
/// export of the stored hashes and the embedded broker checks the same string in code.
/// </summary>
/// <remarks>
/// 101 iterations is mosquitto_passwd's default. Stretching protects guessable passwords; these
/// secrets carry 256 bits of randomness, so a higher count would only slow 20,000 reconnects down.
/// </remarks>
public static class DeviceSecrets
{
    /// <summary>Iterations written into new hashes.</summary>
    public const int Iterations = 101;

    private const int SaltBytes = 12;
    private const int HashBytes = 64;

    /// <summary>A new random secret.</summary>
    public static string NewSecret() => Base64Url(RandomNumberGenerator.GetBytes(32));

    /// <summary>The <c>$7$</c> hash of <paramref name="secret"/> with a fresh salt.</summary>
    public static string Hash(string secret)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(secret), salt, Iterations, HashAlgorithmName.SHA512, HashBytes);
        return string.Create(CultureInfo.InvariantCulture, $"$7${Iterations}${Convert.ToBase64String(salt)}${Convert.ToBase64String(hash)}");
    }

    /// <summary>True when <paramref name="secret"/> matches <paramref name="stored"/> (constant time); false for any malformed hash.</summary>
    public static bool Verify(string? secret, string? stored)
    {
        if (string.IsNullOrEmpty(secret) || string.IsNullOrEmpty(stored))
        {
            return false;
        }

        var parts = stored.Split('$');
        if (parts is not ["", "7", var iterationsText, var saltText, var hashText]
            || !int.TryParse(iterationsText, NumberStyles.None, CultureInfo.InvariantCulture, out var iterations)
            || iterations is < 1 or > 1_000_000)
        {
            return false;
        }

        try
        {
            var salt = Convert.FromBase64String(saltText);
            var expected = Convert.FromBase64String(hashText);
            var actual = Rfc2898DeriveBytes.Pbkdf2(System.Text.Encoding.UTF8.GetBytes(secret), salt, iterations, HashAlgorithmName.SHA512, expected.Length);
            return CryptographicOperations.FixedTimeEquals(actual, expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
