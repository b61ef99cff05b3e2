using ApprovalHub.Supervision.Organisations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Supervision.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("reg_organisations");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.CreditCode).HasMaxLength(18);
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.RegionCode).HasMaxLength(12);
        builder.Property(o => o.Address).HasMaxLength(200);
        builder.Property(o => o.DutyPhone).HasMaxLength(32);
        builder.HasIndex(o => o.CreditCode).IsUnique();
        builder.HasIndex(o => o.RegionCode);
    }
}

internal sealed class LicenceConfiguration : IEntityTypeConfiguration<Licence>
{
    public void Configure(EntityTypeBuilder<Licence> builder)
    {
        builder.ToTable("reg_licences");
        builder.HasKey(l => l.Id);
        builder.Property(l => l.Number).HasMaxLength(40);
        builder.Property(l => l.Scope).HasMaxLength(200);
        builder.Property(l => l.LastChange).HasMaxLength(500);
        builder.HasIndex(l => l.OrganisationId);
        builder.HasIndex(l => l.Number);
    }
}
