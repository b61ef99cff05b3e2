using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace ApprovalHub.Supervision.Iot.Persistence;

/// <summary>
/// Writes telemetry in batches and keeps its partitions. PostgreSQL: binary COPY into
/// <c>iot_telemetry</c>, range-partitioned by day (UTC) on <c>ts</c>, each day's partition created on
/// first use; retention drops whole partitions. SQLite: one transaction of prepared inserts into a
/// plain table; retention deletes rows.
/// </summary>
public sealed class TelemetryStore
{
    private readonly bool _postgres;
    private readonly string _connectionString;
    private readonly NpgsqlDataSource? _dataSource;
    private readonly HashSet<DateOnly> _partitions = [];
    private readonly SemaphoreSlim _partitionGate = new(1, 1);

    /// <summary>A store on the provider and database given.</summary>
    public TelemetryStore(bool postgres, string connectionString)
    {
        _postgres = postgres;
        _connectionString = connectionString;
        _dataSource = postgres ? NpgsqlDataSource.Create(connectionString) : null;
    }

    /// <summary>Prefix of the daily partitions' names (<c>iot_telemetry_p20261126</c>).</summary>
    public const string PartitionPrefix = IotDbContext.TelemetryTable + "_p";

    /// <summary>Stores a batch; when this returns, every row is committed.</summary>
    public async Task WriteAsync(IReadOnlyList<TelemetrySample> batch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
        {
            return;
        }

        if (_postgres)
        {
            await WritePostgresAsync(batch, cancellationToken);
        }
        else
        {
            await WriteSqliteAsync(batch, cancellationToken);
        }
    }

    /// <summary>
    /// Removes telemetry older than <paramref name="cutoff"/>. PostgreSQL drops each partition that
    /// ends at or before the cutoff (no row-by-row delete, no bloat); SQLite deletes rows. Returns the
    /// dropped partitions' names, or the deleted row count as text on SQLite.
    /// </summary>
    public async Task<IReadOnlyList<string>> DropOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        if (!_postgres)
        {
            await using var sqlite = new SqliteConnection(_connectionString);
            await sqlite.OpenAsync(cancellationToken);
            await using var delete = sqlite.CreateCommand();
            delete.CommandText = $"DELETE FROM {IotDbContext.TelemetryTable} WHERE ts < $cutoff";
            delete.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
            var rows = await delete.ExecuteNonQueryAsync(cancellationToken);
            return [rows.ToString(CultureInfo.InvariantCulture)];
        }

        var dropped = new List<string>();
        await using var connection = await _dataSource!.OpenConnectionAsync(cancellationToken);
        foreach (var (name, day) in await PartitionsAsync(connection, cancellationToken))
        {
            if (new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) <= cutoff)
            {
                await using var drop = new NpgsqlCommand($"DROP TABLE IF EXISTS {name}", connection);
                await drop.ExecuteNonQueryAsync(cancellationToken);
                dropped.Add(name);
                lock (_partitions)
                {
                    _partitions.Remove(day);
                }
            }
        }

        return dropped;
    }

    /// <summary>Creates the partitions of <paramref name="days"/> ahead of time (PostgreSQL; nothing on SQLite).</summary>
    public async Task EnsurePartitionsAsync(IEnumerable<DateOnly> days, CancellationToken cancellationToken)
    {
        if (!_postgres)
        {
            return;
        }

        var missing = days.Where(d => { lock (_partitions) { return !_partitions.Contains(d); } }).Distinct().ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await _partitionGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await _dataSource!.OpenConnectionAsync(cancellationToken);
            foreach (var day in missing)
            {
                var from = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                var to = day.AddDays(1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                await using var create = new NpgsqlCommand(
                    $"CREATE TABLE IF NOT EXISTS {PartitionName(day)} PARTITION OF {IotDbContext.TelemetryTable} FOR VALUES FROM ('{from} 00:00:00+00') TO ('{to} 00:00:00+00')",
                    connection);
                try
                {
                    await create.ExecuteNonQueryAsync(cancellationToken);
                }
                catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DuplicateTable or PostgresErrorCodes.UniqueViolation)
                {
                    // Another node created it between our check and our statement.
                }

                lock (_partitions)
                {
                    _partitions.Add(day);
                }
            }
        }
        finally
        {
            _partitionGate.Release();
        }
    }

    /// <summary>The partition holding a UTC day.</summary>
    public static string PartitionName(DateOnly day) => PartitionPrefix + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>The day partitions that exist, with their day (PostgreSQL).</summary>
    public async Task<IReadOnlyList<(string Name, DateOnly Day)>> ListPartitionsAsync(CancellationToken cancellationToken)
    {
        if (!_postgres)
        {
            return [];
        }

        await using var connection = await _dataSource!.OpenConnectionAsync(cancellationToken);
        return await PartitionsAsync(connection, cancellationToken);
    }

    private static async Task<IReadOnlyList<(string Name, DateOnly Day)>> PartitionsAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var list = new NpgsqlCommand(
            $"SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent WHERE p.relname = '{IotDbContext.TelemetryTable}'",
            connection);
        var found = new List<(string, DateOnly)>();
        await using var reader = await list.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var name = reader.GetString(0);
            if (name.StartsWith(PartitionPrefix, StringComparison.Ordinal)
                && DateOnly.TryParseExact(name[PartitionPrefix.Length..], "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                found.Add((name, day));
            }
        }

        return found;
    }

    private async Task WritePostgresAsync(IReadOnlyList<TelemetrySample> batch, CancellationToken cancellationToken)
    {
        await EnsurePartitionsAsync(batch.Select(s => DateOnly.FromDateTime(s.Ts.UtcDateTime)), cancellationToken);
        await using var connection = await _dataSource!.OpenConnectionAsync(cancellationToken);
        await using var importer = await connection.BeginBinaryImportAsync(
            $"COPY {IotDbContext.TelemetryTable} (equipment_code, ts, received_at, data) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var sample in batch)
        {
            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(sample.EquipmentCode, NpgsqlDbType.Varchar, cancellationToken);
            await importer.WriteAsync(sample.Ts.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(sample.ReceivedAt.UtcDateTime, NpgsqlDbType.TimestampTz, cancellationToken);
            await importer.WriteAsync(sample.Data, NpgsqlDbType.Jsonb, cancellationToken);
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private async Task WriteSqliteAsync(IReadOnlyList<TelemetrySample> batch, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO {IotDbContext.TelemetryTable} (equipment_code, ts, received_at, data) VALUES ($code, $ts, $received, $data)";
        var code = insert.Parameters.Add("$code", SqliteType.Text);
        var ts = insert.Parameters.Add("$ts", SqliteType.Integer);
        var received = insert.Parameters.Add("$received", SqliteType.Integer);
        var data = insert.Parameters.Add("$data", SqliteType.Text);
        await insert.PrepareAsync(cancellationToken);
        foreach (var sample in batch)
        {
            code.Value = sample.EquipmentCode;
            ts.Value = sample.Ts.UtcTicks;
            received.Value = sample.ReceivedAt.UtcTicks;
            data.Value = sample.Data;
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }
}
