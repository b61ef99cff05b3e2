using Npgsql;

namespace ApprovalHub.Supervision.Persistence;

/// <summary>
/// Binary COPY (<c>COPY … FROM STDIN (FORMAT BINARY)</c>) into PostgreSQL: the fastest way in, about
/// ten times an INSERT batch. Each table gets its own connection so one generator pass can feed
/// several tables at once; each table commits when its COPY completes.
/// </summary>
internal sealed class PostgresBulkLoader(RegistryDbContext db, string connectionString) : IBulkLoader
{
    private readonly List<IAsyncDisposable> _open = [];

    public async Task<IRowSink<T>> OpenAsync<T>(CancellationToken cancellationToken)
        where T : class
    {
        var columns = new BulkColumns<T>(db);
        var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var importer = await connection.BeginBinaryImportAsync(
            $"COPY {columns.Table} ({string.Join(", ", columns.Names)}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        var sink = new Sink<T>(connection, importer, columns);
        _open.Add(sink);
        return sink;
    }

    public Task CommitAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var sink in _open)
        {
            await sink.DisposeAsync();
        }
    }

    private sealed class Sink<T>(NpgsqlConnection connection, NpgsqlBinaryImporter importer, BulkColumns<T> columns) : IRowSink<T>
        where T : class
    {
        private readonly IReadOnlyList<string> _types = columns.StoreTypes;
        private bool _disposed;

        public async ValueTask WriteAsync(T row, CancellationToken cancellationToken)
        {
            await importer.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Count; i++)
            {
                var value = columns.Value(row, i);
                if (value is null)
                {
                    await importer.WriteNullAsync(cancellationToken);
                }
                else
                {
                    await importer.WriteAsync(value, _types[i], cancellationToken);
                }
            }
        }

        public async ValueTask CompleteAsync(CancellationToken cancellationToken)
        {
            await importer.CompleteAsync(cancellationToken);
        }

        public async ValueTask DisposeAsync()
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            await importer.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}
