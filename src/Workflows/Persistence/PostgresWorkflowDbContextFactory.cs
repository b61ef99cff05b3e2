using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ApprovalHub.Workflows.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> create <see cref="PostgresWorkflowDbContext"/> without running the host
/// or reaching a server.
/// </summary>
public sealed class PostgresWorkflowDbContextFactory : IDesignTimeDbContextFactory<PostgresWorkflowDbContext>
{
    /// <inheritdoc />
    public PostgresWorkflowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresWorkflowDbContext>()
            .UseNpgsql("Host=localhost;Database=approvalhub_design_time")
            .Options);
}
