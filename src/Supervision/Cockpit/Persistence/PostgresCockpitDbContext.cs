using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;
using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Cockpit.Persistence;

/// <summary><see cref="CockpitDbContext"/> on PostgreSQL; migrations in <c>Cockpit/Persistence/Migrations/Postgres</c>.</summary>
public sealed class PostgresCockpitDbContext(DbContextOptions<PostgresCockpitDbContext> options) : CockpitDbContext(options)
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

        // Region lists are LIKE 'prefix%' queries; text_pattern_ops serves them under any locale.
        modelBuilder.Entity<DeviceRisk>().HasIndex(r => new { r.RegionCode, r.DeviceId }).HasOperators("text_pattern_ops", "int8_ops");
        modelBuilder.Entity<DeviceRisk>().HasIndex(r => new { r.RegionCode, r.Level }).HasOperators("text_pattern_ops", "int4_ops");
        modelBuilder.Entity<Warning>().HasIndex(w => new { w.RegionCode, w.Id }).HasOperators("text_pattern_ops", "int8_ops");
    }
}
