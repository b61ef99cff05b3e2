using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Persistence;

/// <summary><see cref="RegistryDbContext"/> on PostgreSQL; migrations in <c>Persistence/Migrations/Postgres</c>.</summary>
public sealed class PostgresRegistryDbContext(DbContextOptions<PostgresRegistryDbContext> options) : RegistryDbContext(options)
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

        // Region scopes are LIKE 'prefix%' queries. A plain btree serves them only under the C
        // collation; text_pattern_ops serves them under any database locale.
        modelBuilder.Entity<Device>().HasIndex(d => new { d.RegionCode, d.Id }).HasOperators("text_pattern_ops", "int8_ops");
    }
}
