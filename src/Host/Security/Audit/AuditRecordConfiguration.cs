using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Host.Security.Audit;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> record)
    {
        record.ToTable("audit_records");

        // The sequence is assigned by the writer, never by the database: the chain is the order.
        record.HasKey(r => r.Sequence);
        record.Property(r => r.Sequence).ValueGeneratedNever();
        record.Property(r => r.ActorId).HasMaxLength(64);
        record.Property(r => r.ActorName).HasMaxLength(256);
        record.Property(r => r.Roles).HasMaxLength(200);
        record.Property(r => r.Scope).HasMaxLength(400);
        record.Property(r => r.RemoteAddress).HasMaxLength(64);
        record.Property(r => r.Action).HasMaxLength(300);
        record.Property(r => r.Target).HasMaxLength(1000);
        record.Property(r => r.Outcome).HasMaxLength(20);
        record.Property(r => r.PreviousHash).HasMaxLength(64).IsFixedLength();
        record.Property(r => r.Hash).HasMaxLength(64).IsFixedLength();
        record.HasIndex(r => r.OccurredAt);
        record.HasIndex(r => r.ActorId);
    }
}
