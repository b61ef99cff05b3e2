using System.Security.Cryptography;
using System.Text;

namespace ApprovalHub.Host.Security.Authentication;

/// <summary>
/// The API key format: <c>ahk_{id}.{secret}</c>, where the id (32 hex digits) finds the row and
/// the secret (43 base64url characters, 256 random bits) is checked against its stored SHA-256.
/// A plain hash suffices: unlike a password, the secret is random and too long to guess.
/// </summary>
public static class ApiKeys
{
    /// <summary>The request header that carries a key.</summary>
    public const string HeaderName = "X-Api-Key";

    private const string Prefix = "ahk_";

    /// <summary>A new key: its id, the full text to hand out once, and the hash to store.</summary>
    public static (Guid Id, string Key, string SecretHash) Create()
    {
        var id = Guid.NewGuid();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id:N}.{secret}", Hash(secret));
    }

    /// <summary>Splits a presented key; false when it is not in the format.</summary>
    public static bool TryParse(string? presented, out Guid id, out string secret)
    {
        id = Guid.Empty;
        secret = string.Empty;
        if (presented is null || !presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var dot = presented.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || !Guid.TryParseExact(presented.AsSpan(Prefix.Length, dot - Prefix.Length), "N", out id))
        {
            return false;
        }

        secret = presented[(dot + 1)..];
        return secret.Length > 0;
    }

    /// <summary>True when <paramref name="secret"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
