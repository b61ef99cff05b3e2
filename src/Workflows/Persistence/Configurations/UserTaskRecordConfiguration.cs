using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Workflows.Persistence.Configurations;

internal sealed class UserTaskRecordConfiguration : IEntityTypeConfiguration<UserTaskRecord>
{
    public void Configure(EntityTypeBuilder<UserTaskRecord> builder)
    {
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.Property(t => t.ProcessKey).HasMaxLength(ProcessDefinitionRecord.MaxKeyLength);
        builder.Property(t => t.CandidateUsers).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        builder.Property(t => t.CandidateGroups).HasConversion(new StringListConverter(), StringListConverter.Comparer);
        builder.Property(t => t.PartyOrganisationIds).HasConversion(new LongListConverter(), LongListConverter.Comparer);
        builder.Property(t => t.SubjectCode).HasMaxLength(UserTaskRecord.SubjectCodeMaxLength);
        builder.Property(t => t.SubjectName).HasMaxLength(UserTaskRecord.SubjectNameMaxLength);

        // Two people completing or claiming the same task: the second write names a stale revision.
        builder.Property(t => t.Revision).IsConcurrencyToken();

        // Work queues: "my open tasks", "open tasks past their deadline", tasks of one instance,
        // tasks of one process.
        builder.HasIndex(t => new { t.Status, t.Assignee });
        builder.HasIndex(t => new { t.Status, t.DueAt });
        builder.HasIndex(t => t.InstanceId);
        builder.HasIndex(t => t.ProcessKey);

        // The SLA job moves open tasks to yellow and red; queues filter on the state by region.
        builder.HasIndex(t => new { t.Status, t.WarnAt });
        builder.HasIndex(t => new { t.Status, t.SlaState, t.DueAt });
        builder.HasIndex(t => new { t.RegionCode, t.Status });

        // Work queue read model (docs/tasks.md): newest first, "tasks I handled", and the keyword
        // search by application number and device code (prefix, so the index serves it).
        builder.HasIndex(t => new { t.Status, t.CreatedAt });
        builder.HasIndex(t => new { t.CompletedBy, t.EndedAt });
        builder.HasIndex(t => t.BusinessKey);
        builder.HasIndex(t => t.SubjectCode);
        builder.ToEngineTable("wf_tasks");
    }
}
