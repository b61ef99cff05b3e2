using ApprovalHub.Supervision.Equipment;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Supervision.Persistence.Configurations;

internal sealed class DeviceConfiguration : IEntityTypeConfiguration<Device>
{
    public void Configure(EntityTypeBuilder<Device> builder)
    {
        builder.ToTable("reg_devices");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.EquipmentCode).HasMaxLength(18);
        builder.Property(d => d.RegistrationCode).HasMaxLength(20);
        builder.Property(d => d.UseCertificateNumber).HasMaxLength(32);
        builder.Property(d => d.RescueCode).HasMaxLength(6);
        builder.Property(d => d.CatalogCode).HasMaxLength(4);
        builder.Property(d => d.RegionCode).HasMaxLength(12);
        builder.Property(d => d.Address).HasMaxLength(200);

        // Every lookup the QR page, the 96333 desk and the search make is one unique or narrow index.
        builder.HasIndex(d => d.EquipmentCode).IsUnique();
        builder.HasIndex(d => d.RegistrationCode);
        builder.HasIndex(d => d.UseCertificateNumber);
        builder.HasIndex(d => d.RescueCode);

        // Keyset paging inside a region: WHERE region_code LIKE 'p%' AND id > @after ORDER BY id.
        builder.HasIndex(d => new { d.RegionCode, d.Id });
        builder.HasIndex(d => new { d.UserOrganisationId, d.Id });
        builder.HasIndex(d => new { d.MaintenanceOrganisationId, d.Id });
        builder.HasIndex(d => new { d.InspectionOrganisationId, d.Id });
        builder.HasIndex(d => new { d.CatalogCode, d.Id });
        builder.HasIndex(d => new { d.InspectionValidUntil, d.Id });
    }
}
