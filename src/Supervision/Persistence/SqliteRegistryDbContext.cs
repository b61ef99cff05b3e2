using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Persistence;

/// <summary><see cref="RegistryDbContext"/> on SQLite; migrations in <c>Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteRegistryDbContext(DbContextOptions<SqliteRegistryDbContext> options) : RegistryDbContext(options)
{
    /// <inheritdoc />
    public override bool IsPostgres => false;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // As in the engine: SQLite has no date-time type, UTC ticks sort and compare.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
