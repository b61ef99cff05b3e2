using ApprovalHub.Supervision.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Supervision.Persistence.Configurations;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> builder)
    {
        builder.ToTable("reg_people");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Name).HasMaxLength(60);
        builder.Property(p => p.IdNumberMasked).HasMaxLength(18);
        builder.Property(p => p.IdNumberFingerprint).HasMaxLength(64);
        builder.Property(p => p.RegionCode).HasMaxLength(12);
        builder.HasIndex(p => p.IdNumberFingerprint).IsUnique();
        builder.HasIndex(p => p.OrganisationId);
    }
}

internal sealed class OperatorCertificateConfiguration : IEntityTypeConfiguration<OperatorCertificate>
{
    public void Configure(EntityTypeBuilder<OperatorCertificate> builder)
    {
        builder.ToTable("reg_operator_certificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.ItemCode).HasMaxLength(4);
        builder.Property(c => c.LegacyItemCode).HasMaxLength(4);
        builder.Property(c => c.Number).HasMaxLength(40);
        builder.HasIndex(c => c.PersonId);
        builder.HasIndex(c => c.ExpiresOn);
    }
}
