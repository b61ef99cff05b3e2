using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Supervision.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Supervision.Persistence.Configurations;

// The thematic tables (专题库) are read per device for the timeline, so each is indexed by device.

internal sealed class InspectionRecordConfiguration : IEntityTypeConfiguration<InspectionRecord>
{
    public void Configure(EntityTypeBuilder<InspectionRecord> builder)
    {
        builder.ToTable("reg_inspections");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.ReportNumber).HasMaxLength(40);
        builder.HasIndex(r => r.DeviceId);
    }
}

internal sealed class MaintenanceRecordConfiguration : IEntityTypeConfiguration<MaintenanceRecord>
{
    public void Configure(EntityTypeBuilder<MaintenanceRecord> builder)
    {
        builder.ToTable("reg_maintenance");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Detail).HasMaxLength(500);
        builder.HasIndex(r => r.DeviceId);
    }
}

internal sealed class HazardRecordConfiguration : IEntityTypeConfiguration<HazardRecord>
{
    public void Configure(EntityTypeBuilder<HazardRecord> builder)
    {
        builder.ToTable("reg_hazards");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Description).HasMaxLength(500);
        builder.HasIndex(r => r.DeviceId);
    }
}

internal sealed class AlarmRecordConfiguration : IEntityTypeConfiguration<AlarmRecord>
{
    public void Configure(EntityTypeBuilder<AlarmRecord> builder)
    {
        builder.ToTable("reg_alarms");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.FaultCode).HasMaxLength(8);
        builder.Property(r => r.Description).HasMaxLength(200);
        builder.HasIndex(r => r.DeviceId);
    }
}

internal sealed class AccidentRecordConfiguration : IEntityTypeConfiguration<AccidentRecord>
{
    public void Configure(EntityTypeBuilder<AccidentRecord> builder)
    {
        builder.ToTable("reg_accidents");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Description).HasMaxLength(500);
        builder.HasIndex(r => r.DeviceId);
    }
}

internal sealed class ElectronicCertificateConfiguration : IEntityTypeConfiguration<ElectronicCertificate>
{
    public void Configure(EntityTypeBuilder<ElectronicCertificate> builder)
    {
        builder.ToTable("reg_e_certificates");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Number).HasMaxLength(40);
        builder.HasIndex(r => r.DeviceId);
        builder.HasIndex(r => r.OrganisationId);

        // The download API finds a certificate by its number.
        builder.HasIndex(r => r.Number);
    }
}

internal sealed class RegistrationEventConfiguration : IEntityTypeConfiguration<RegistrationEvent>
{
    public void Configure(EntityTypeBuilder<RegistrationEvent> builder)
    {
        builder.ToTable("reg_registration_events");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Detail).HasMaxLength(200);
        builder.HasIndex(r => r.DeviceId);
    }
}

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("reg_regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(12);
        builder.Property(r => r.Name).HasMaxLength(60);
        builder.Property(r => r.ParentCode).HasMaxLength(12);
        builder.HasIndex(r => r.ParentCode);
    }
}

internal sealed class RegionRollupConfiguration : IEntityTypeConfiguration<RegionRollup>
{
    public void Configure(EntityTypeBuilder<RegionRollup> builder)
    {
        builder.ToTable("reg_region_rollups");
        builder.HasKey(r => new { r.RegionCode, r.Category, r.Status });
        builder.Property(r => r.RegionCode).HasMaxLength(12);
    }
}
