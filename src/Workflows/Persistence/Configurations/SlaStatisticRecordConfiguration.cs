using ApprovalHub.Workflows.Persistence.Sla;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Workflows.Persistence.Configurations;

internal sealed class SlaStatisticRecordConfiguration : IEntityTypeConfiguration<SlaStatisticRecord>
{
    public void Configure(EntityTypeBuilder<SlaStatisticRecord> builder)
    {
        builder.HasKey(s => new { s.ProcessKey, s.RegionCode });
        builder.Property(s => s.ProcessKey).HasMaxLength(ProcessDefinitionRecord.MaxKeyLength);
        builder.Property(s => s.RegionCode).HasMaxLength(12);
        builder.Ignore(s => s.OnTimeRate);
        builder.ToEngineTable("wf_sla_stats");
    }
}
