using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Persistence.Queue;

/// <summary>Named counters in <c>wf_sequences</c>.</summary>
public static class SequenceNumbers
{
    /// <summary>
    /// The next value of the counter <paramref name="name"/> (1 for a new name), in one statement
    /// that both SQLite and PostgreSQL run atomically: concurrent callers never get the same value.
    /// A value taken by a caller that then fails is skipped, never handed out again.
    /// </summary>
    public static async Task<long> NextAsync(WorkflowDbContext db, string name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(name.Length, SequenceRow.MaxNameLength);

        // Not composed (ToList, no First): an INSERT … RETURNING cannot be wrapped in a subquery.
        var values = await db.Database
            .SqlQuery<long>($"""INSERT INTO wf_sequences (name, value) VALUES ({name}, 1) ON CONFLICT (name) DO UPDATE SET value = wf_sequences.value + 1 RETURNING value AS "Value" """)
            .ToListAsync(cancellationToken);
        return values.Single();
    }
}
