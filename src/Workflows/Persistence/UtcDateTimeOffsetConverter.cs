using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ApprovalHub.Workflows.Persistence;

/// <summary>
/// Writes a <see cref="DateTimeOffset"/> with offset zero. PostgreSQL's <c>timestamptz</c> stores
/// an instant, and Npgsql refuses other offsets rather than guess; the engine computes some
/// instants in China time (deadlines from the business calendar, timer dates), which are the same
/// instants in UTC.
/// </summary>
public sealed class UtcDateTimeOffsetConverter()
    : ValueConverter<DateTimeOffset, DateTimeOffset>(
        value => value.ToUniversalTime(),
        value => value);
