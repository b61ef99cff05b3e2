using Npgsql;

namespace ApprovalHub.Workflows.Tests.Engine.Support;

/// <summary>
/// The PostgreSQL server the tests may create databases on, named by <see cref="EnvironmentVariable"/>.
/// Without it the PostgreSQL tests fail: PostgreSQL is the production database, so its tests are
/// never silently skipped.
/// </summary>
internal static class PostgresServer
{
    public const string EnvironmentVariable = "APPROVALHUB_TEST_POSTGRES";

    /// <summary>Creates an empty, uniquely named database and returns its connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix, CancellationToken cancellationToken)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", cancellationToken);
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database created by <see cref="CreateDatabaseAsync"/>, ending connections still open on it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static string Server
    {
        get
        {
            var server = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(server)
                ? throw new InvalidOperationException(
                    $"{EnvironmentVariable} is not set, so the PostgreSQL tests have no server. Run scripts/test.sh: it starts a " +
                    $"throwaway PostgreSQL and sets {EnvironmentVariable}. To use a server of your own, set it to a connection " +
                    "string such as \"Host=127.0.0.1;Port=55432;Username=postgres\".")
                : server;
        }
    }

    private static async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        var admin = new NpgsqlConnectionStringBuilder(Server) { Database = "postgres", Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
