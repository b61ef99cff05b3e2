using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Runtime.Records;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>
/// The jobs of a published version's timer start events: one row per event, due at its first
/// firing. Start timers have no instance yet, so their expressions cannot read variables; the
/// validator reports that at deployment.
/// </summary>
internal static class StartTimerJobs
{
    /// <summary>The jobs for <paramref name="process"/> deployed as <paramref name="definitionId"/>.</summary>
    public static IReadOnlyList<JobRecord> Create(BpmnProcess process, Guid definitionId, DateTimeOffset now, IBusinessCalendar? calendar)
    {
        ArgumentNullException.ThrowIfNull(process);
        var jobs = new List<JobRecord>();
        foreach (var start in process.Root.StartEvents)
        {
            if (start.Definition is not TimerEventDefinition timer)
            {
                continue;
            }

            var plan = TimerPlan.ForStart(timer, now, calendar, start.Id);
            jobs.Add(new JobRecord
            {
                Id = Guid.CreateVersion7(now),
                Kind = JobKind.TimerStart,
                DefinitionId = definitionId,
                ProcessKey = process.Id,
                ElementId = start.Id,
                DueAt = plan.FirstDue,
                RepeatsLeft = plan.RepeatsAfterFirst,
                Interval = plan.Interval,
                CreatedAt = now,
            });
        }

        return jobs;
    }
}
