using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Workflows.Persistence.Configurations;

internal sealed class CarbonCopyRecordConfiguration : IEntityTypeConfiguration<CarbonCopyRecord>
{
    public void Configure(EntityTypeBuilder<CarbonCopyRecord> builder)
    {
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.ProcessKey).HasMaxLength(ProcessDefinitionRecord.MaxKeyLength);

        // The "copied to me" queue: a user's unread copies, newest first.
        builder.HasIndex(c => new { c.UserId, c.ReadAt, c.CreatedAt });
        builder.HasIndex(c => c.InstanceId);
        builder.ToEngineTable("wf_cc");
    }
}
