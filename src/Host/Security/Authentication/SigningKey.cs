using System.Security.Cryptography;
using ApprovalHub.Host.Demo;
using ApprovalHub.Host.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace ApprovalHub.Host.Security.Authentication;

/// <summary>
/// The key that signs and checks bearer tokens: <c>Security:SigningKey</c>, or in demo mode
/// without one, a random key for this process only. Options validation has already refused a
/// production start without a key (<see cref="SecurityOptionsValidation"/>).
/// </summary>
internal sealed class SigningKey
{
    public SigningKey(IOptions<SecurityOptions> options, IOptions<DemoOptions> demo, ILogger<SigningKey> logger)
    {
        var configured = options.Value.SigningKey;
        byte[] bytes;
        if (!string.IsNullOrWhiteSpace(configured))
        {
            bytes = Convert.FromBase64String(configured);
        }
        else if (demo.Value.Enabled)
        {
            bytes = RandomNumberGenerator.GetBytes(SecurityOptions.MinimumSigningKeyBytes);
            logger.EphemeralSigningKey();
        }
        else
        {
            throw new InvalidOperationException("Security:SigningKey is not configured; options validation should have stopped startup.");
        }

        Key = new SymmetricSecurityKey(bytes) { KeyId = Convert.ToHexStringLower(SHA256.HashData(bytes))[..16] };
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256);
    }

    /// <summary>The key, for validation.</summary>
    public SymmetricSecurityKey Key { get; }

    /// <summary>The key with its algorithm, for issuing.</summary>
    public SigningCredentials Credentials { get; }
}

/// <summary>Refuses to start without a usable signing key unless demo mode may make one up.</summary>
internal sealed class SecurityOptionsValidation(IOptions<DemoOptions> demo) : IValidateOptions<SecurityOptions>
{
    public ValidateOptionsResult Validate(string? name, SecurityOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            return demo.Value.Enabled
                ? ValidateOptionsResult.Success
                : ValidateOptionsResult.Fail(
                    "Security:SigningKey is required outside demo mode: it signs bearer tokens. Set it to base64 of at least " +
                    $"{SecurityOptions.MinimumSigningKeyBytes} random bytes (openssl rand -base64 32), the same on every node, " +
                    "e.g. with the environment variable Security__SigningKey.");
        }

        var buffer = new byte[options.SigningKey.Length];
        if (!Convert.TryFromBase64String(options.SigningKey.Trim(), buffer, out var length))
        {
            return ValidateOptionsResult.Fail("Security:SigningKey is not valid base64.");
        }

        return length < SecurityOptions.MinimumSigningKeyBytes
            ? ValidateOptionsResult.Fail($"Security:SigningKey has {length} bytes; it needs at least {SecurityOptions.MinimumSigningKeyBytes}.")
            : ValidateOptionsResult.Success;
    }
}
