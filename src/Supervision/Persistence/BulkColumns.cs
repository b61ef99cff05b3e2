using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ApprovalHub.Supervision.Persistence;

/// <summary>
/// The table, columns and provider values of an entity type, read from the EF model, so the bulk
/// loaders (binary COPY, prepared INSERT) write exactly what EF would and never repeat a column list.
/// </summary>
internal sealed class BulkColumns<T>
    where T : class
{
    private readonly Column[] _columns;

    public BulkColumns(RegistryDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T))
            ?? throw new InvalidOperationException($"Internal bug: {typeof(T).Name} is not in the registry model, please report.");
        Table = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(Table, entity.GetSchema());
        _columns = entity.GetProperties()
            .Select(p => new Column(
                p.GetColumnName(store)!,
                StripFacets(p.GetColumnType()),
                p.GetGetter(),
                p.GetTypeMapping().Converter))
            .ToArray();
    }

    /// <summary>The table name.</summary>
    public string Table { get; }

    /// <summary>Column names in write order.</summary>
    public IEnumerable<string> Names => _columns.Select(c => c.Name);

    /// <summary>The store type names (<c>bigint</c>, <c>character varying</c>, <c>date</c> …).</summary>
    public IReadOnlyList<string> StoreTypes => _columns.Select(c => c.StoreType).ToArray();

    /// <summary>The number of columns.</summary>
    public int Count => _columns.Length;

    /// <summary>The provider value of column <paramref name="index"/> of <paramref name="row"/> (converters applied).</summary>
    public object? Value(T row, int index)
    {
        var column = _columns[index];
        var value = column.Getter.GetClrValue(row);
        return value is null || column.Converter is null ? value : column.Converter.ConvertToProvider(value);
    }

    // "character varying(18)" → "character varying": COPY wants the type name, not the column facets.
    private static string StripFacets(string storeType)
    {
        var paren = storeType.IndexOf('(', StringComparison.Ordinal);
        return paren < 0 ? storeType : storeType[..paren];
    }

    private sealed record Column(string Name, string StoreType, IClrPropertyGetter Getter, ValueConverter? Converter);
}
