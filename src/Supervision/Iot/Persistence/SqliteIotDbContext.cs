using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Iot.Persistence;

/// <summary><see cref="IotDbContext"/> on SQLite; migrations in <c>Iot/Persistence/Migrations/Sqlite</c>.</summary>
public sealed class SqliteIotDbContext(DbContextOptions<SqliteIotDbContext> options) : IotDbContext(options)
{
    /// <inheritdoc />
    public override bool IsPostgres => false;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // As in the engine and the registry: UTC ticks sort and compare.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcTicksConverter>();
    }
}
