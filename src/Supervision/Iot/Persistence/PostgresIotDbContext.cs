using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Iot.Persistence;

/// <summary><see cref="IotDbContext"/> on PostgreSQL; migrations in <c>Iot/Persistence/Migrations/Postgres</c>.</summary>
public sealed class PostgresIotDbContext(DbContextOptions<PostgresIotDbContext> options) : IotDbContext(options)
{
    /// <inheritdoc />
    public override bool IsPostgres => true;

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
    }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<TelemetrySample>().Property(t => t.Data).HasColumnType("jsonb");
    }
}
