using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Cockpit.Persistence;

/// <summary><see cref="CockpitDbContext"/> on SQLite; migrations in <c>Cockpit/Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteCockpitDbContext(DbContextOptions<SqliteCockpitDbContext> options) : CockpitDbContext(options)
{
    /// <inheritdoc />
    public override bool IsPostgres => false;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // As in the engine and the registry: UTC ticks, so the engine's columns read back right too.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
