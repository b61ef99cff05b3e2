using System.Text.Json;
using ApprovalHub.Workflows.Persistence.Engine;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ApprovalHub.Workflows.Persistence.Configurations;

/// <summary>
/// Stores a list of user or group ids as a JSON array in one text column: ids may contain any
/// character, including the commas a delimited list would need to escape.
/// </summary>
internal sealed class StringListConverter()
    : ValueConverter<IReadOnlyList<string>, string>(list => Write(list), json => Read(json))
{
    /// <summary>Compares lists by their items, so EF notices a changed list.</summary>
    public static ValueComparer<IReadOnlyList<string>> Comparer { get; } = new(
        (a, b) => a == null ? b == null : b != null && a.SequenceEqual(b),
        list => list.Aggregate(0, (hash, item) => HashCode.Combine(hash, item)),
        list => list.ToArray());

    private static string Write(IReadOnlyList<string> list) =>
        JsonSerializer.Serialize(list as string[] ?? [.. list], PersistenceJsonContext.Compact.StringArray);

    private static string[] Read(string json) =>
        JsonSerializer.Deserialize(json, PersistenceJsonContext.Compact.StringArray) ?? [];
}
