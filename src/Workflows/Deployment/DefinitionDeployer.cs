using System.Diagnostics;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime.Execution;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Deployment;

/// <summary>
/// Publishes a BPMN file: each executable process becomes version N+1 of its key, unless the
/// latest published version has exactly the same content. A file is all or nothing: one
/// transaction for all of its processes, and a file with errors stores nothing.
/// </summary>
/// <remarks>
/// Concurrent deployments of the same key are safe without locks: the unique index on
/// (ProcessKey, Version) lets exactly one of two racing deployers store a given version, and the
/// loser starts over, now seeing the winner's version. It does not wait before retrying: the
/// database reports the violation only once the winner has committed.
/// </remarks>
public sealed class DefinitionDeployer(WorkflowDbContext db, TimeProvider timeProvider, IBusinessCalendar? calendar = null)
{
    // Each retry is caused by another deployment that succeeded, so this bounds how many
    // deployments of one key may race this one before it gives up, not how long it waits.
    internal const int MaxAttempts = 32;

    /// <summary>Parses, validates and stores the file.</summary>
    /// <returns>Either the outcome per process, or the diagnostics that kept anything from being stored.</returns>
    public async Task<DeploymentResult> DeployAsync(DeploymentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentException.ThrowIfNullOrWhiteSpace(request.DeployedBy);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.DeployedBy.Length, ProcessDefinitionRecord.MaxDeployedByLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(request.SourceFile?.Length ?? 0, ProcessDefinitionRecord.MaxSourceFileLength);

        using var activity = ApprovalHubTelemetry.ActivitySource.StartActivity("deploy definition");
        activity?.SetTag("approvalhub.definition.source_file", request.SourceFile);

        var parsed = BpmnParser.Parse(request.Xml);
        var processes = parsed.Document?.ExecutableProcesses.ToList() ?? [];
        var refusals = Refusals(parsed, processes);
        if (refusals.Any(d => d.IsError))
        {
            activity?.SetStatus(ActivityStatusCode.Error, "invalid BPMN");
            return DeploymentResult.Rejected(refusals);
        }

        var xml = DefinitionContent.Normalize(request.Xml);
        var hash = DefinitionContent.Hash(xml);
        activity?.SetTag("approvalhub.definition.content_hash", hash);

        var strategy = db.Database.CreateExecutionStrategy();
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var deployed = await strategy.ExecuteAsync(
                    ct => DeployOnceAsync(processes, xml, hash, request, ct),
                    cancellationToken);
                foreach (var process in deployed.Where(p => p.Outcome == DeploymentOutcome.Created))
                {
                    ApprovalHubTelemetry.DefinitionVersionsCreated.Add(1, new KeyValuePair<string, object?>("approvalhub.process_key", process.ProcessKey));
                }

                activity?.SetTag("approvalhub.definition.conflict_retries", attempt - 1);
                return DeploymentResult.Deployed(parsed.Diagnostics, deployed, attempt - 1);
            }
            catch (DbUpdateException ex) when (attempt < MaxAttempts && ex.IsUniqueViolation())
            {
                ApprovalHubTelemetry.DeploymentConflicts.Add(1);
            }
        }
    }

    private static List<BpmnDiagnostic> Refusals(BpmnParseResult parsed, List<BpmnProcess> processes)
    {
        var diagnostics = parsed.Diagnostics.ToList();
        if (parsed.HasErrors || parsed.Document is null)
        {
            return diagnostics;
        }

        if (processes.Count == 0)
        {
            diagnostics.Add(DeploymentDiagnostics.NoExecutableProcess());
        }

        diagnostics.AddRange(processes
            .Where(p => p.Id.Length > ProcessDefinitionRecord.MaxKeyLength)
            .Select(p => DeploymentDiagnostics.ProcessKeyTooLong(p.Id)));
        return diagnostics;
    }

    private async Task<IReadOnlyList<DeployedVersion>> DeployOnceAsync(
        List<BpmnProcess> processes,
        string xml,
        string hash,
        DeploymentRequest request,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var results = new List<DeployedVersion>(processes.Count);
        var added = new List<ProcessDefinitionRecord>(processes.Count);
        var addedJobs = new List<JobRecord>();

        // On SQLite this is BEGIN IMMEDIATE, which queues writers, so the race below is only
        // ever lost on PostgreSQL (and there the unique index turns it into a retry).
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var process in processes)
            {
                var key = process.Id;
                var latestPublished = await db.ProcessDefinitions
                    .AsNoTracking()
                    .Where(d => d.ProcessKey == key && d.Status == ProcessDefinitionStatus.Published)
                    .OrderByDescending(d => d.Version)
                    .Select(d => new { d.Id, d.Version, d.ContentHash })
                    .FirstOrDefaultAsync(cancellationToken);
                if (latestPublished is not null && latestPublished.ContentHash == hash)
                {
                    results.Add(new DeployedVersion(key, process.Name, latestPublished.Version, DeploymentOutcome.Unchanged, latestPublished.Id));
                    continue;
                }

                var latestVersion = await db.ProcessDefinitions
                    .Where(d => d.ProcessKey == key)
                    .MaxAsync(d => (int?)d.Version, cancellationToken) ?? 0;
                var record = new ProcessDefinitionRecord
                {
                    Id = Guid.CreateVersion7(now),
                    ProcessKey = key,
                    Version = latestVersion + 1,
                    Name = Shorten(process.Name, ProcessDefinitionRecord.MaxNameLength),
                    ContentHash = hash,
                    Xml = xml,
                    SourceFile = request.SourceFile,
                    DeployedAt = now,
                    DeployedBy = request.DeployedBy,
                    Status = ProcessDefinitionStatus.Published,
                };
                db.ProcessDefinitions.Add(record);
                added.Add(record);

                // The new version's timer start events replace the old version's, in this same
                // transaction; instances already running keep their own timers.
                await db.Jobs.Where(j => j.Kind == JobKind.TimerStart && j.ProcessKey == key).ExecuteDeleteAsync(cancellationToken);
                var jobs = StartTimerJobs.Create(process, record.Id, now, calendar);
                db.Jobs.AddRange(jobs);
                addedJobs.AddRange(jobs);
                results.Add(new DeployedVersion(key, process.Name, record.Version, DeploymentOutcome.Created, record.Id));
            }

            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return results;
        }
        catch
        {
            // The context outlives this attempt (it is the request's); forget what was not stored.
            foreach (var record in added)
            {
                db.Entry(record).State = EntityState.Detached;
            }

            foreach (var job in addedJobs)
            {
                db.Entry(job).State = EntityState.Detached;
            }

            throw;
        }
    }

    private static string? Shorten(string? text, int maxLength) =>
        text is null || text.Length <= maxLength ? text : text[..(maxLength - 1)] + "…";
}
