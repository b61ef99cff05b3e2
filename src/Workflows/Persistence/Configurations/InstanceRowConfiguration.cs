using ApprovalHub.Workflows.Persistence.Engine;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Workflows.Persistence.Configurations;

internal sealed class InstanceRowConfiguration : IEntityTypeConfiguration<InstanceRow>
{
    public void Configure(EntityTypeBuilder<InstanceRow> builder)
    {
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.ProcessKey).HasMaxLength(ProcessDefinitionRecord.MaxKeyLength);

        // Enums are stored as their numbers in the engine tables (compact, cheap to index); the
        // numbers are part of the storage format and pinned by a test (EngineSchemaTests).
        builder.Property(i => i.Status);

        // The commit's "UPDATE … WHERE id = @id AND revision = @expected": EF puts the original value
        // of a concurrency token in the WHERE clause and reports a row count of 0 as a conflict.
        builder.Property(i => i.Revision).IsConcurrencyToken();

        // Plain text, not jsonb, on PostgreSQL too: the engine reads and writes the document whole
        // on every command, so jsonb would only add parsing on write and re-rendering on read; text
        // round-trips byte for byte (jsonb drops duplicate keys, rewrites numbers and rejects \u0000
        // in strings, all of which a variable may hold); and one format serves both providers.
        // Searching variables belongs in a projection of its own, not in this document.
        builder.Property(i => i.State);

        builder.HasIndex(i => i.BusinessKey);
        builder.HasIndex(i => i.ParentInstanceId);

        // "Cases I started", newest first.
        builder.HasIndex(i => new { i.StartedBy, i.StartedAt });
        builder.ToEngineTable("wf_instances");
    }
}
