using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Engine;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Tests.Engine.Support;

/// <summary>
/// <see cref="EfWorkflowStore"/> on SQLite: a fresh database file per test, created by the SQLite
/// migrations and deleted afterwards.
/// </summary>
public sealed class SqliteStores : IDatabaseStores
{
    private string? _path;
    private string? _connectionString;

    /// <inheritdoc />
    public Func<WorkflowDbContext> Contexts { get; private set; } =
        () => throw new InvalidOperationException("No database yet: call CreateAsync first.");

    /// <inheritdoc />
    public async ValueTask<(IWorkflowStore Store, IWorkflowQueries Queries)> CreateAsync(CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "approvalhub-tests");
        Directory.CreateDirectory(folder);
        _path = Path.Combine(folder, $"engine-{Guid.NewGuid():N}.db");
        _connectionString = new SqliteConnectionStringBuilder { DataSource = _path }.ConnectionString;
        Contexts = WorkflowDbContextFactories.Sqlite(_connectionString);
        await using (var db = Contexts())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        var store = new EfWorkflowStore(Contexts);
        return (store, store);
    }

    /// <inheritdoc />
    public ValueTask DisposeStoreAsync(IWorkflowStore store)
    {
        if (_connectionString is not null)
        {
            // Pooled connections keep the file open; only this database's pool is cleared.
            using var connection = new SqliteConnection(_connectionString);
            SqliteConnection.ClearPool(connection);
        }

        if (_path is not null)
        {
            File.Delete(_path);
        }

        return ValueTask.CompletedTask;
    }
}
