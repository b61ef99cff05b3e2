using ApprovalHub.Workflows.Persistence.Queue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Workflows.Persistence.Configurations;

internal sealed class TaskCandidateRowConfiguration : IEntityTypeConfiguration<TaskCandidateRow>
{
    public void Configure(EntityTypeBuilder<TaskCandidateRow> builder)
    {
        builder.HasKey(c => new { c.TaskId, c.Kind, c.Value });
        builder.Property(c => c.Value).HasMaxLength(TaskCandidateRow.MaxValueLength);
        builder.Property(c => c.RegionCode).HasMaxLength(TaskCandidateRow.MaxRegionLength);
        builder.Property(c => c.ProcessKey).HasMaxLength(ProcessDefinitionRecord.MaxKeyLength);

        // The queue's one index: a group's (or user's) claimable tasks, narrowed to a region prefix
        // range, with everything the default page orders and filters by, so counting and paging
        // read the index only (docs/tasks.md).
        builder.HasIndex(c => new { c.Kind, c.Value, c.RegionCode, c.DueAt, c.CreatedAt, c.ProcessKey, c.TaskId });
        builder.ToEngineTable("wf_task_candidates");
    }
}

internal sealed class TaskPartyRowConfiguration : IEntityTypeConfiguration<TaskPartyRow>
{
    public void Configure(EntityTypeBuilder<TaskPartyRow> builder)
    {
        builder.HasKey(p => new { p.TaskId, p.OrganisationId });

        // "Which open tasks may this organisation see".
        builder.HasIndex(p => new { p.OrganisationId, p.TaskId });
        builder.ToEngineTable("wf_task_parties");
    }
}

internal sealed class FormDraftRecordConfiguration : IEntityTypeConfiguration<FormDraftRecord>
{
    public void Configure(EntityTypeBuilder<FormDraftRecord> builder)
    {
        builder.HasKey(d => d.Id);
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.OwnerKey).HasMaxLength(FormDraftRecord.MaxOwnerKeyLength);

        // One draft per user and form; also "my drafts".
        builder.HasIndex(d => new { d.UserId, d.OwnerKey }).IsUnique();
        builder.ToEngineTable("wf_form_drafts");
    }
}

internal sealed class SequenceRowConfiguration : IEntityTypeConfiguration<SequenceRow>
{
    public void Configure(EntityTypeBuilder<SequenceRow> builder)
    {
        builder.HasKey(s => s.Name);
        builder.Property(s => s.Name).HasMaxLength(SequenceRow.MaxNameLength);
        builder.ToEngineTable("wf_sequences");
    }
}
