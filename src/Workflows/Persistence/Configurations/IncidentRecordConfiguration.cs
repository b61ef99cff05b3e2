using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Workflows.Persistence.Configurations;

internal sealed class IncidentRecordConfiguration : IEntityTypeConfiguration<IncidentRecord>
{
    public void Configure(EntityTypeBuilder<IncidentRecord> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.HasIndex(i => i.InstanceId);

        // The operators' list: unresolved incidents, newest first.
        builder.HasIndex(i => new { i.ResolvedAt, i.CreatedAt });
        builder.ToEngineTable("wf_incidents");
    }
}
