using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;
using Microsoft.EntityFrameworkCore;
using Npgsql.NameTranslation;

namespace ApprovalHub.Supervision.Cockpit.Persistence;

/// <summary>
/// The smart control centre's tables (<c>ck_*</c>): device and use-unit risk, complaints, warnings
/// and their record, the maintained region figures and monthly trends, and the recompute runs. In
/// the platform's database next to the registry, whose tables the recompute reads, with migrations
/// of its own (history table <c>__ck_migrations</c>): it never migrates a registry or engine table.
/// </summary>
/// <remarks>
/// The model is provider-neutral; each provider has a derived context that owns its migrations.
/// After changing the model, add a migration for BOTH providers, from the repository root:
/// <code>
/// dotnet tool restore
/// dotnet ef migrations add NAME --project src/Supervision --startup-project src/Host --context SqliteCockpitDbContext --output-dir Cockpit/Persistence/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/Supervision --startup-project src/Host --context PostgresCockpitDbContext --output-dir Cockpit/Persistence/Migrations/Postgres
/// </code>
/// </remarks>
public abstract class CockpitDbContext : DbContext
{
    /// <summary>The migrations history table of the cockpit.</summary>
    public const string MigrationsTable = "__ck_migrations";

    private static readonly NpgsqlSnakeCaseNameTranslator Names = new();

    /// <summary>Used by the provider-specific contexts.</summary>
    protected CockpitDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Device risk and cockpit facts.</summary>
    public DbSet<DeviceRisk> DeviceRisks => Set<DeviceRisk>();

    /// <summary>Use units' records.</summary>
    public DbSet<OrganisationRisk> OrganisationRisks => Set<OrganisationRisk>();

    /// <summary>The registry records the IoT alarms wrote, with their acknowledgement.</summary>
    public DbSet<IotAlarmRecord> IotAlarmRecords => Set<IotAlarmRecord>();

    /// <summary>Complaints about devices.</summary>
    public DbSet<Complaint> Complaints => Set<Complaint>();

    /// <summary>Warnings, open and closed.</summary>
    public DbSet<Warning> Warnings => Set<Warning>();

    /// <summary>What happened to each warning.</summary>
    public DbSet<WarningEvent> WarningEvents => Set<WarningEvent>();

    /// <summary>The maintained figures per region.</summary>
    public DbSet<RegionFigures> RegionFigures => Set<RegionFigures>();

    /// <summary>The 12-month trends per region.</summary>
    public DbSet<RegionMonth> RegionMonths => Set<RegionMonth>();

    /// <summary>Full recompute runs.</summary>
    public DbSet<RecomputeRun> Runs => Set<RecomputeRun>();

    /// <summary>The engine's instances (read-only: id and status).</summary>
    public DbSet<EngineInstanceRow> EngineInstances => Set<EngineInstanceRow>();

    /// <summary>The engine's task rows (read-only: process, business key, status, creation).</summary>
    public DbSet<EngineTaskRow> EngineTasks => Set<EngineTaskRow>();

    /// <summary>True on PostgreSQL.</summary>
    public abstract bool IsPostgres { get; }

    /// <summary>The SQL differences of the provider.</summary>
    internal SqlDialect Dialect => IsPostgres ? SqlDialect.Postgres : SqlDialect.Sqlite;

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Not IEntityTypeConfiguration classes: the registry context applies every one in this
        // assembly, and must never see the cockpit's tables.
        CockpitModel.Configure(modelBuilder);

        // ck_ tables with snake_case columns, like the registry's and the engine's.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Names.TranslateMemberName(property.Name));
            }
        }
    }
}
