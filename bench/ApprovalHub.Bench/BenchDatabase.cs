using Npgsql;

namespace ApprovalHub.Bench;

/// <summary>
/// The PostgreSQL database of one benchmark run: a fresh one, dropped when the run ends, or one kept
/// from an earlier run (<c>--keep</c>, then <c>--database NAME</c>) so a large seed is paid only once.
/// </summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _server;
    private readonly bool _keep;
    private readonly TextWriter _log;

    private BenchDatabase(string pg, string name, bool isNew, bool keep, TextWriter log)
    {
        _server = new NpgsqlConnectionStringBuilder(pg) { Database = "postgres", Pooling = false }.ConnectionString;
        Name = name;
        IsNew = isNew;
        _keep = keep;
        _log = log;
        ConnectionString = new NpgsqlConnectionStringBuilder(pg) { Database = name }.ConnectionString;
    }

    /// <summary>The database's name.</summary>
    public string Name { get; }

    /// <summary>Its connection string.</summary>
    public string ConnectionString { get; }

    /// <summary>True when this run created it (it must be seeded), false when a kept one is reused.</summary>
    public bool IsNew { get; }

    /// <summary>Creates <c>approvalhub_{verb}_bench_{guid}</c>, or opens <paramref name="reuse"/> (always kept).</summary>
    public static async Task<BenchDatabase> CreateOrReuseAsync(string pg, string verb, string? reuse, bool keep, TextWriter log)
    {
        var database = new BenchDatabase(pg, reuse ?? $"approvalhub_{verb}_bench_{Guid.NewGuid():N}", reuse is null, keep || reuse is not null, log);
        if (database.IsNew)
        {
            await ExecuteAsync(database._server, $"CREATE DATABASE \"{database.Name}\"");
        }

        return database;
    }

    /// <summary>Runs one statement on its own connection.</summary>
    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (_keep)
        {
            await _log.WriteLineAsync($"bench: kept database {Name}");
            return;
        }

        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }
}
