using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Workflows.Persistence.Configurations;

internal sealed class ProcessDefinitionRecordConfiguration : IEntityTypeConfiguration<ProcessDefinitionRecord>
{
    public void Configure(EntityTypeBuilder<ProcessDefinitionRecord> builder)
    {
        builder.ToTable("ProcessDefinitions");
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();

        builder.Property(d => d.ProcessKey).HasMaxLength(ProcessDefinitionRecord.MaxKeyLength);
        builder.Property(d => d.Name).HasMaxLength(ProcessDefinitionRecord.MaxNameLength);
        builder.Property(d => d.ContentHash).HasMaxLength(64).IsFixedLength(false);
        builder.Property(d => d.Xml);
        builder.Property(d => d.SourceFile).HasMaxLength(ProcessDefinitionRecord.MaxSourceFileLength);
        builder.Property(d => d.DeployedBy).HasMaxLength(ProcessDefinitionRecord.MaxDeployedByLength);

        // Stored as text so the database stays readable and a reordered enum cannot corrupt it.
        builder.Property(d => d.Status).HasConversion<string>().HasMaxLength(16);

        builder.Property(d => d.ConcurrencyStamp).IsConcurrencyToken();

        // The unique index is what makes concurrent deployments safe: two deployers that both
        // computed "next is v3" cannot both insert it; the loser retries (DefinitionDeployer).
        builder.HasIndex(d => new { d.ProcessKey, d.Version }).IsUnique();
        builder.HasIndex(d => d.ContentHash);
    }
}
