using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ApprovalHub.Workflows.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> create <see cref="SqliteWorkflowDbContext"/> without running the host.
/// The connection string is never opened when adding a migration.
/// </summary>
public sealed class SqliteWorkflowDbContextFactory : IDesignTimeDbContextFactory<SqliteWorkflowDbContext>
{
    /// <inheritdoc />
    public SqliteWorkflowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteWorkflowDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .Options);
}
