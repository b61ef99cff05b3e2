using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Notifications;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.People;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Supervision.Registry;
using Microsoft.EntityFrameworkCore;
using Npgsql.NameTranslation;

namespace ApprovalHub.Supervision.Persistence;

/// <summary>
/// The registry's EF Core model: <c>reg_*</c> tables with snake_case columns, in the same database
/// as the engine but with migrations of their own (history table <c>__reg_migrations</c>), so the
/// registry and the engine never conflict over a migration.
/// </summary>
/// <remarks>
/// The model is provider-neutral; each provider has a derived context that owns its migrations.
/// After changing the model, add a migration for BOTH providers, from the repository root:
/// <code>
/// dotnet tool restore
/// dotnet ef migrations add NAME --project src/Supervision --startup-project src/Host --context SqliteRegistryDbContext --output-dir Persistence/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/Supervision --startup-project src/Host --context PostgresRegistryDbContext --output-dir Persistence/Migrations/Postgres
/// </code>
/// </remarks>
public abstract class RegistryDbContext : DbContext
{
    /// <summary>The migrations history table of the registry.</summary>
    public const string MigrationsTable = "__reg_migrations";

    private static readonly NpgsqlSnakeCaseNameTranslator Names = new();

    /// <summary>Used by the provider-specific contexts.</summary>
    protected RegistryDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>Administrative regions.</summary>
    public DbSet<Region> Regions => Set<Region>();

    /// <summary>Organisations.</summary>
    public DbSet<Organisation> Organisations => Set<Organisation>();

    /// <summary>Licences of organisations.</summary>
    public DbSet<Licence> Licences => Set<Licence>();

    /// <summary>People (operators, safety managers).</summary>
    public DbSet<Person> People => Set<Person>();

    /// <summary>Operator certificates.</summary>
    public DbSet<OperatorCertificate> OperatorCertificates => Set<OperatorCertificate>();

    /// <summary>Devices.</summary>
    public DbSet<Device> Devices => Set<Device>();

    /// <summary>Inspections.</summary>
    public DbSet<InspectionRecord> Inspections => Set<InspectionRecord>();

    /// <summary>Maintenance visits.</summary>
    public DbSet<MaintenanceRecord> Maintenance => Set<MaintenanceRecord>();

    /// <summary>Hazards.</summary>
    public DbSet<HazardRecord> Hazards => Set<HazardRecord>();

    /// <summary>Alarms.</summary>
    public DbSet<AlarmRecord> Alarms => Set<AlarmRecord>();

    /// <summary>Accidents.</summary>
    public DbSet<AccidentRecord> Accidents => Set<AccidentRecord>();

    /// <summary>Electronic certificates.</summary>
    public DbSet<ElectronicCertificate> ElectronicCertificates => Set<ElectronicCertificate>();

    /// <summary>Registration events.</summary>
    public DbSet<RegistrationEvent> RegistrationEvents => Set<RegistrationEvent>();

    /// <summary>Precomputed region counts.</summary>
    public DbSet<RegionRollup> RegionRollups => Set<RegionRollup>();

    /// <summary>What each service-task run did (idempotency of the handlers).</summary>
    public DbSet<HandlerEffect> HandlerEffects => Set<HandlerEffect>();

    /// <summary>The notification outbox.</summary>
    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Counters of the numbers the registry hands out.</summary>
    public DbSet<NumberSequence> NumberSequences => Set<NumberSequence>();

    /// <summary>安全总监 and 安全员 of organisations.</summary>
    public DbSet<SafetyStaffMember> SafetyStaff => Set<SafetyStaffMember>();

    /// <summary>Maintenance contracts.</summary>
    public DbSet<MaintenanceContract> MaintenanceContracts => Set<MaintenanceContract>();

    /// <summary>Construction notices (施工告知).</summary>
    public DbSet<ConstructionNotice> ConstructionNotices => Set<ConstructionNotice>();

    /// <summary>True on PostgreSQL (bulk paths and index options differ).</summary>
    public abstract bool IsPostgres { get; }

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegistryDbContext).Assembly);

        // reg_ tables with snake_case columns: operators query them in psql without quoting.
        foreach (var entity in modelBuilder.Model.GetEntityTypes())
        {
            foreach (var property in entity.GetProperties())
            {
                property.SetColumnName(Names.TranslateMemberName(property.Name));
            }
        }
    }
}
