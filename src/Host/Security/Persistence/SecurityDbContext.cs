using ApprovalHub.Host.Security.Audit;
using ApprovalHub.Host.Security.Authentication;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Security.Persistence;

/// <summary>
/// Users, roles and sign-in data (ASP.NET Core Identity), API keys, the data-protection keys and the
/// audit trail: everything about who may do what and what they did, apart from the engine's tables.
/// </summary>
/// <remarks>
/// Provider-neutral like <c>WorkflowDbContext</c>; each provider's derived context owns its
/// migrations (docs/decisions/0003-provider-specific-migrations.md). After changing the model, from
/// the repository root:
/// <code>
/// dotnet ef migrations add NAME --project src/Host --context SqliteSecurityDbContext --output-dir Security/Persistence/Migrations/Sqlite
/// dotnet ef migrations add NAME --project src/Host --context PostgresSecurityDbContext --output-dir Security/Persistence/Migrations/Postgres
/// </code>
/// </remarks>
public abstract class SecurityDbContext : IdentityDbContext<ApprovalHubUser>, IDataProtectionKeyContext
{
    /// <summary>Used by the provider-specific contexts.</summary>
    protected SecurityDbContext(DbContextOptions options)
        : base(options)
    {
    }

    /// <summary>
    /// The table that records which of this context's migrations ran, apart from the engine's
    /// <c>__EFMigrationsHistory</c> so that neither context sees the other's migrations.
    /// </summary>
    public const string MigrationsHistoryTable = "__SecurityMigrationsHistory";

    /// <summary>The audit trail, a hash chain in <see cref="AuditRecord.Sequence"/> order.</summary>
    public DbSet<AuditRecord> AuditRecords => Set<AuditRecord>();

    /// <summary>API keys of integrations.</summary>
    public DbSet<ApiKeyRecord> ApiKeys => Set<ApiKeyRecord>();

    /// <summary>
    /// The keys that encrypt cookies and antiforgery tokens, shared by every node on this database so a
    /// cookie issued by one node is read by the next, and kept across restarts.
    /// </summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>
    /// Makes the caller the only writer of the audit chain until its transaction ends. Called inside
    /// a transaction; see <see cref="AuditTrail"/>.
    /// </summary>
    public abstract Task LockAuditChainAsync(CancellationToken cancellationToken);

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<ApprovalHubUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(ApprovalHubUser.MaxDisplayNameLength);
            user.Property(u => u.RegionCode).HasMaxLength(12);
            user.HasIndex(u => u.RegionCode);
            user.HasIndex(u => u.OrganisationId);
        });

        // The roles are part of the product, not of demo data: every database has them.
        builder.Entity<IdentityRole>().HasData(Security.Roles.All.Select((role, index) => new IdentityRole(role)
        {
            Id = $"role-{role}",
            NormalizedName = role.ToUpperInvariant(),
            ConcurrencyStamp = $"seed-{index + 1}",
        }));

        builder.ApplyConfiguration(new AuditRecordConfiguration());
        builder.ApplyConfiguration(new ApiKeyRecordConfiguration());
    }
}
