using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Engine;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Tests.Engine.Support;

/// <summary>
/// <see cref="EfWorkflowStore"/> on PostgreSQL, used as a class fixture: one database per test
/// class, created by the PostgreSQL migrations and dropped afterwards, emptied before each test.
/// Creating a database takes a few hundred milliseconds; emptying seven small tables, a few.
/// </summary>
public sealed class PostgresStores : IDatabaseStores, IAsyncLifetime
{
    // Every table a test may write; the migrations history stays.
    private const string EmptyTables =
        """
        DELETE FROM wf_instances; DELETE FROM wf_tasks; DELETE FROM wf_subscriptions; DELETE FROM wf_inbox;
        DELETE FROM wf_incidents; DELETE FROM wf_jobs; DELETE FROM wf_history; DELETE FROM "ProcessDefinitions";
        DELETE FROM wf_task_candidates; DELETE FROM wf_task_parties;
        """;

    private string? _connectionString;

    /// <inheritdoc />
    public Func<WorkflowDbContext> Contexts { get; private set; } =
        () => throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Creates and migrates the class's database.</summary>
    public async ValueTask InitializeAsync()
    {
        _connectionString = await PostgresServer.CreateDatabaseAsync("approvalhub_engine", TestContext.Current.CancellationToken);
        Contexts = WorkflowDbContextFactories.Postgres(_connectionString);
        await using var db = Contexts();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<(IWorkflowStore Store, IWorkflowQueries Queries)> CreateAsync(CancellationToken cancellationToken)
    {
        await using (var db = Contexts())
        {
            await db.Database.ExecuteSqlRawAsync(EmptyTables, cancellationToken);
        }

        var store = new EfWorkflowStore(Contexts);
        return (store, store);
    }

    /// <inheritdoc />
    public ValueTask DisposeStoreAsync(IWorkflowStore store) => ValueTask.CompletedTask;

    /// <summary>Drops the class's database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_connectionString is not null)
        {
            await PostgresServer.DropDatabaseAsync(_connectionString);
        }
    }
}
