using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ApprovalHub.Workflows.Persistence;

/// <summary>
/// Stores a <see cref="DateTimeOffset"/> as its UTC ticks (a 64-bit integer) and reads it back as
/// UTC. The instant is kept exactly; the original offset is not, which is fine because the engine
/// stores UTC only and shows Asia/Shanghai at the edge.
/// </summary>
public sealed class UtcTicksConverter()
    : ValueConverter<DateTimeOffset, long>(
        value => value.UtcTicks,
        ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
