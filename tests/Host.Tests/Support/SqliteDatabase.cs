using Microsoft.Data.Sqlite;

namespace ApprovalHub.Host.Tests.Support;

/// <summary>A SQLite file in its own temporary folder.</summary>
public class SqliteDatabase : TestDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "approvalhub-tests", Guid.NewGuid().ToString("N"));

    /// <inheritdoc />
    public override string Provider => "Sqlite";

    /// <inheritdoc />
    protected override Task<string> CreateDatabaseAsync(CancellationToken cancellationToken)
    {
        // The folder is deliberately not created: the host must create it, as it does for data/.
        return Task.FromResult(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "approvalhub.db") }.ConnectionString);
    }

    /// <inheritdoc />
    protected override Task DropDatabaseAsync()
    {
        // Pooled connections keep the file open.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }

        return Task.CompletedTask;
    }
}
