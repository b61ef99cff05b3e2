using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ApprovalHub.Workflows.Persistence.Configurations;

internal sealed class JobRecordConfiguration : IEntityTypeConfiguration<JobRecord>
{
    public void Configure(EntityTypeBuilder<JobRecord> builder)
    {
        builder.HasKey(j => j.Id);
        builder.Property(j => j.Id).ValueGeneratedNever();

        // The scheduler polls for due jobs; a command deletes the jobs of a token.
        builder.HasIndex(j => j.DueAt);
        builder.HasIndex(j => new { j.InstanceId, j.TokenId });

        // Claims skip instances with a job held elsewhere: only held rows are indexed, so that check
        // stays a small lookup with a million pending timers (it was a scan of the whole table).
        builder.HasIndex(j => j.LockExpiresAt).HasFilter("lock_expires_at IS NOT NULL");

        // Publishing a version replaces its key's timer-start jobs.
        builder.HasIndex(j => new { j.Kind, j.ProcessKey });
        builder.ToEngineTable("wf_jobs");
    }
}
