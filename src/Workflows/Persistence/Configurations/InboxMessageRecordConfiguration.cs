using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Workflows.Persistence.Configurations;

internal sealed class InboxMessageRecordConfiguration : IEntityTypeConfiguration<InboxMessageRecord>
{
    public void Configure(EntityTypeBuilder<InboxMessageRecord> builder)
    {
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();

        // A new subscription asks for the oldest unexpired message with its name and key.
        builder.HasIndex(m => new { m.MessageName, m.CorrelationKey, m.ExpiresAt });
        builder.ToEngineTable("wf_inbox");
    }
}
