using Npgsql;

namespace ApprovalHub.Host.Tests.Support;

/// <summary>
/// A uniquely named database on the PostgreSQL server that <see cref="EnvironmentVariable"/> names,
/// dropped afterwards. Without the variable the tests fail: PostgreSQL is a supported production
/// database, so its tests are never silently skipped.
/// </summary>
public class PostgresDatabase : TestDatabase
{
    /// <summary>The connection string of a server the tests may create databases on.</summary>
    public const string EnvironmentVariable = "APPROVALHUB_TEST_POSTGRES";

    private string? _serverConnectionString;
    private string? _databaseName;

    /// <inheritdoc />
    public override string Provider => "Postgres";

    /// <inheritdoc />
    protected override async Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException(
                $"{EnvironmentVariable} is not set, so the PostgreSQL tests have no server. Run scripts/test.sh: it starts a " +
                $"throwaway PostgreSQL and sets {EnvironmentVariable}. To use a server of your own, set it to a connection " +
                "string such as \"Host=127.0.0.1;Port=5544;Username=postgres;Password=postgres\".");
        }

        _serverConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        _databaseName = $"approvalhub_test_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{_databaseName}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(server) { Database = _databaseName }.ConnectionString;
    }

    /// <inheritdoc />
    protected override async Task DropDatabaseAsync()
    {
        // The host's pool may still hold connections; FORCE ends any that remain.
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", CancellationToken.None);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
