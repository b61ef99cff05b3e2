using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Cockpit.Persistence;

/// <summary>Tables, keys and indexes of <see cref="CockpitDbContext"/>.</summary>
internal static class CockpitModel
{
    public static void Configure(ModelBuilder model)
    {
        model.Entity<DeviceRisk>(b =>
        {
            b.ToTable("ck_device_risk");
            b.HasKey(r => r.DeviceId);
            b.Property(r => r.DeviceId).ValueGeneratedNever();
            b.Property(r => r.RegionCode).HasMaxLength(12);

            // Region lists (keyset by device id), the risk list by level, a unit's devices.
            b.HasIndex(r => new { r.RegionCode, r.DeviceId });
            b.HasIndex(r => new { r.RegionCode, r.Level });
            b.HasIndex(r => r.UserOrganisationId);
        });

        model.Entity<OrganisationRisk>(b =>
        {
            b.ToTable("ck_org_risk");
            b.HasKey(r => r.OrganisationId);
            b.Property(r => r.OrganisationId).ValueGeneratedNever();
            b.Property(r => r.RegionCode).HasMaxLength(12);
            b.Property(r => r.GapItems).HasMaxLength(100);
            b.Property(r => r.LapsingItems).HasMaxLength(100);
        });

        model.Entity<IotAlarmRecord>(b =>
        {
            b.ToTable("ck_alarm_records");
            b.HasKey(r => r.AlarmId);
            b.Property(r => r.AlarmId).HasMaxLength(36);

            // The risk statements join the registry's alarms to their acknowledgement by record id.
            b.HasIndex(r => r.RecordId).IsUnique();
        });

        model.Entity<Complaint>(b =>
        {
            b.ToTable("ck_complaints");
            b.HasKey(c => c.Id);
            b.Property(c => c.Reference).HasMaxLength(40);
            b.HasIndex(c => c.Reference).IsUnique();
            b.HasIndex(c => new { c.DeviceId, c.ReceivedAt });
        });

        model.Entity<Warning>(b =>
        {
            b.ToTable("ck_warnings");
            b.HasKey(w => w.Id);
            b.Property(w => w.SubjectCode).HasMaxLength(20);
            b.Property(w => w.RegionCode).HasMaxLength(12);
            b.Property(w => w.Detail).HasMaxLength(500);
            b.Property(w => w.CloseReason).HasMaxLength(200);
            b.Property(w => w.CaseProcessKey).HasMaxLength(255);
            b.Property(w => w.CaseError).HasMaxLength(500);
            b.Ignore(w => w.IsOpen);
            b.HasMany(w => w.Events).WithOne().HasForeignKey(e => e.WarningId).OnDelete(DeleteBehavior.Cascade);

            // One open warning per rule and subject, whatever races: the database says no to a second.
            b.HasIndex(w => new { w.Rule, w.SubjectId }).IsUnique().HasFilter("closed_at IS NULL").HasDatabaseName("ux_ck_warnings_open");
            b.HasIndex(w => new { w.RegionCode, w.Id });
            b.HasIndex(w => w.CaseInstanceId);
            b.HasIndex(w => w.OpenedAt);
            b.HasIndex(w => w.ClosedAt);
        });

        model.Entity<WarningEvent>(b =>
        {
            b.ToTable("ck_warning_events");
            b.HasKey(e => e.Id);
            b.Property(e => e.Detail).HasMaxLength(500);
            b.HasIndex(e => e.WarningId);
        });

        model.Entity<RegionFigures>(b =>
        {
            b.ToTable("ck_region_figures");
            b.HasKey(f => f.RegionCode);
            b.Property(f => f.RegionCode).HasMaxLength(12);
        });

        model.Entity<RegionMonth>(b =>
        {
            b.ToTable("ck_region_months");
            b.HasKey(m => new { m.RegionCode, m.Month });
            b.Property(m => m.RegionCode).HasMaxLength(12);
        });

        model.Entity<RecomputeRun>(b =>
        {
            b.ToTable("ck_runs");
            b.HasKey(r => r.Id);
            b.Property(r => r.Trigger).HasMaxLength(20);
            b.Property(r => r.Stages).HasMaxLength(500);
            b.Property(r => r.Error).HasMaxLength(2000);
            b.HasIndex(r => r.StartedAt);
        });

        // The engine's tables, read only; the engine's migrations own them.
        model.Entity<EngineInstanceRow>(b =>
        {
            b.ToTable("wf_instances", t => t.ExcludeFromMigrations());
            b.HasKey(i => i.Id);
        });
        model.Entity<EngineTaskRow>(b =>
        {
            b.ToTable("wf_tasks", t => t.ExcludeFromMigrations());
            b.HasKey(t => t.Id);
        });
    }
}
