using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ApprovalHub.Host.Security.Audit;

/// <summary>
/// The hash of an audit link: SHA-256 over a canonical serialisation, a JSON array of every field
/// in a fixed order (version tag first, previous hash last) with a fixed encoder, so the same record
/// always gives the same bytes on every node, database and platform.
/// </summary>
public static class AuditHash
{
    // Bump when the canonical form changes; old links keep verifying under the tag they carry.
    private const string FormatVersion = "ah-audit-v1";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        // Escaping rules must never depend on a default that could change between runtime versions.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>The hex SHA-256 of <paramref name="record"/>'s canonical form (its own <see cref="AuditRecord.Hash"/> excluded).</summary>
    public static string Compute(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            json.WriteStartArray();
            json.WriteStringValue(FormatVersion);
            json.WriteNumberValue(record.Sequence);
            json.WriteStringValue(record.OccurredAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
            json.WriteStringValue(record.ActorId);
            json.WriteStringValue(record.ActorName);
            json.WriteStringValue(record.Roles);
            json.WriteStringValue(record.Scope);
            json.WriteStringValue(record.RemoteAddress);
            json.WriteStringValue(record.Action);
            json.WriteStringValue(record.Target);
            json.WriteNumberValue(record.StatusCode);
            json.WriteStringValue(record.Outcome);
            json.WriteStringValue(record.PreviousHash);
            json.WriteEndArray();
        }

        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>
    /// <paramref name="instant"/> cut to whole microseconds in UTC: PostgreSQL's <c>timestamptz</c>
    /// keeps no more, and the hash must cover exactly what is stored.
    /// </summary>
    public static DateTimeOffset Normalize(DateTimeOffset instant)
    {
        var utc = instant.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % 10), TimeSpan.Zero);
    }
}
