using ApprovalHub.Supervision.Alarms;
using Microsoft.EntityFrameworkCore;
using Npgsql.NameTranslation;

namespace ApprovalHub.Supervision.Iot.Persistence;

/// <summary>
/// The IoT side's EF Core model: device credentials, fault events, alarms and telemetry
/// (<c>iot_*</c> tables, snake_case columns), in the platform's database with a migrations history
/// of its own (<c>__iot_migrations</c>).
/// </summary>
/// <remarks>
/// The telemetry table is made by hand-written SQL in the migrations (daily range partitions and a
/// BRIN index on PostgreSQL, a plain table on SQLite) and excluded from the model's migrations.
/// After changing the model, add a migration for BOTH providers, from the repository root:
/// <code>
/// dotnet ef migrations add NAME --project src/Supervision --startup-project src/Host --context SqliteIotDbContext --output-dir Iot/Persistence/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/Supervision --startup-project src/Host --context PostgresIotDbContext --output-dir Iot/Persistence/Migrations/Postgres
/// </code>
/// </remarks>
public abstract class IotDbContext : DbContext
{
    /// <summary>The migrations history table.</summary>
    public const string MigrationsTable = "__iot_migrations";

    /// <summary>The telemetry table (a partitioned parent on PostgreSQL).</summary>
    public const string TelemetryTable = "iot_telemetry";

    private static readonly NpgsqlSnakeCaseNameTranslator Names = new();

    /// <summary>Used by the provider-specific contexts.</summary>
    protected IotDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Device credentials.</summary>
    public DbSet<DeviceCredential> Credentials => Set<DeviceCredential>();

    /// <summary>Stored fault and event messages.</summary>
    public DbSet<FaultEvent> FaultEvents => Set<FaultEvent>();

    /// <summary>Alarms.</summary>
    public DbSet<Alarm> Alarms => Set<Alarm>();

    /// <summary>Telemetry (read side; writes go through <see cref="TelemetryStore"/>).</summary>
    public DbSet<TelemetrySample> Telemetry => Set<TelemetrySample>();

    /// <summary>True on PostgreSQL.</summary>
    public abstract bool IsPostgres { get; }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<DeviceCredential>(c =>
        {
            c.ToTable("iot_device_credentials");
            c.HasKey(x => x.EquipmentCode);
            c.Property(x => x.EquipmentCode).HasMaxLength(18);
            c.Property(x => x.RegionCode).HasMaxLength(12);
            c.Property(x => x.SecretHash).HasMaxLength(200);
            c.Property(x => x.IssuedBy).HasMaxLength(100);
            c.HasIndex(x => x.OrganisationId);
        });

        modelBuilder.Entity<FaultEvent>(e =>
        {
            e.ToTable("iot_fault_events");
            e.HasKey(x => x.Id);
            e.Property(x => x.EquipmentCode).HasMaxLength(18);
            e.Property(x => x.MessageId).HasMaxLength(64);
            e.Property(x => x.Code).HasMaxLength(8);

            // A QoS 1 redelivery (or a second node after a crash) carries the same id: stored once.
            e.HasIndex(x => new { x.EquipmentCode, x.MessageId }).IsUnique();

            // Repeat rules count a device's recent events of a code.
            e.HasIndex(x => new { x.EquipmentCode, x.Code, x.OccurredAt });
        });

        modelBuilder.Entity<Alarm>(a =>
        {
            a.ToTable("iot_alarms");
            a.HasKey(x => x.Id);
            a.Property(x => x.Id).ValueGeneratedNever();
            a.Property(x => x.EquipmentCode).HasMaxLength(18);
            a.Property(x => x.RegionCode).HasMaxLength(12);
            a.Property(x => x.Type).HasMaxLength(64);
            a.Property(x => x.FaultCode).HasMaxLength(16);
            a.Property(x => x.AcknowledgedBy).HasMaxLength(100);
            a.Property(x => x.ClearReason).HasMaxLength(100);
            a.Property(x => x.Status);
            a.Ignore(x => x.IsOpen);

            // The rule that makes duplicates impossible: one open alarm per (device, type), whichever
            // node sees the message first. Open = not yet cleared or dismissed.
            a.HasIndex(x => new { x.EquipmentCode, x.Type }).IsUnique().HasFilter("cleared_at IS NULL").HasDatabaseName("ux_iot_alarms_open");

            // The sweeper's two questions: pending alarms due, active alarms without a case.
            a.HasIndex(x => new { x.Status, x.ConfirmDueAt });
            a.HasIndex(x => new { x.RegionCode, x.RaisedAt });
            a.HasIndex(x => x.CaseInstanceId);
        });

        modelBuilder.Entity<TelemetrySample>(t =>
        {
            t.ToTable(TelemetryTable, table => table.ExcludeFromMigrations());
            t.HasNoKey();
            t.Property(x => x.EquipmentCode).HasMaxLength(18);
        });

        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Names.TranslateMemberName(property.Name));
            }
        }
    }
}
