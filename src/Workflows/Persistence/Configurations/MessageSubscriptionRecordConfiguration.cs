using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Workflows.Persistence.Configurations;

internal sealed class MessageSubscriptionRecordConfiguration : IEntityTypeConfiguration<MessageSubscriptionRecord>
{
    public void Configure(EntityTypeBuilder<MessageSubscriptionRecord> builder)
    {
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Id).ValueGeneratedNever();

        // Correlation looks up by name and key; a command deletes the subscriptions of a token.
        builder.HasIndex(s => new { s.MessageName, s.CorrelationKey });
        builder.HasIndex(s => new { s.InstanceId, s.TokenId });
        builder.ToEngineTable("wf_subscriptions");
    }
}
