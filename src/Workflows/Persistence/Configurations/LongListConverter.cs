using System.Text.Json;
using ApprovalHub.Workflows.Persistence.Engine;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ApprovalHub.Workflows.Persistence.Configurations;

/// <summary>Stores a list of ids as a JSON array in one text column (<c>[12,40]</c>).</summary>
internal sealed class LongListConverter()
    : ValueConverter<IReadOnlyList<long>, string>(list => Write(list), json => Read(json))
{
    /// <summary>Compares lists by their items, so EF notices a changed list.</summary>
    public static ValueComparer<IReadOnlyList<long>> Comparer { get; } = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToArray());

    private static string Write(IReadOnlyList<long> list) =>
        JsonSerializer.Serialize(list as long[] ?? [.. list], PersistenceJsonContext.Compact.Int64Array);

    private static long[] Read(string json) =>
        JsonSerializer.Deserialize(json, PersistenceJsonContext.Compact.Int64Array) ?? [];
}
