using ApprovalHub.Workflows.Parsing;
using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Workflows.Deployment;

/// <summary>
/// Work in progress of the designer, kept apart from published versions: one draft per process
/// key, stored as version 0 with status <see cref="ProcessDefinitionStatus.Draft"/>, which no
/// version list, engine lookup or deployment ever counts. A draft may be invalid — saving it
/// answers with its diagnostics — and becomes the next version only when it is published.
/// </summary>
public sealed class DefinitionDrafts(WorkflowDbContext db, DefinitionDeployer deployer, TimeProvider timeProvider)
{
    /// <summary>The version number a draft row carries; published versions start at 1.</summary>
    public const int DraftVersion = 0;

    /// <summary>Stores (or replaces) the draft of a key; returns its diagnostics.</summary>
    public async Task<DraftSaved> SaveAsync(string processKey, string xml, string savedBy, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(processKey);
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentException.ThrowIfNullOrWhiteSpace(savedBy);
        var parsed = BpmnParser.Parse(xml);
        var savedAt = timeProvider.GetUtcNow();
        var content = DefinitionContent.Normalize(xml);
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(
            async ct =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                await db.ProcessDefinitions
                    .Where(d => d.ProcessKey == processKey && d.Status == ProcessDefinitionStatus.Draft)
                    .ExecuteDeleteAsync(ct);
                db.ProcessDefinitions.Add(new ProcessDefinitionRecord
                {
                    Id = Guid.CreateVersion7(savedAt),
                    ProcessKey = processKey,
                    Version = DraftVersion,
                    Name = parsed.Document?.FindProcess(processKey)?.Name,
                    ContentHash = DefinitionContent.Hash(content),
                    Xml = content,
                    DeployedAt = savedAt,
                    DeployedBy = savedBy,
                    Status = ProcessDefinitionStatus.Draft,
                    ConcurrencyStamp = Guid.NewGuid(),
                });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                db.ChangeTracker.Clear();
            },
            cancellationToken);

        var diagnostics = parsed.Diagnostics.ToList();
        if (parsed.Document is { } document && document.FindProcess(processKey) is null)
        {
            diagnostics.Add(new BpmnDiagnostic(
                DeploymentDiagnostics.DraftKeyMismatch,
                DiagnosticSeverity.Error,
                $"The draft is saved under '{processKey}', but the file has no process with that id (it has {string.Join(", ", document.Processes.Select(p => p.Id))}). Publishing will be refused until they match.",
                null,
                document.Root.Line,
                document.Root.Column));
        }

        return new DraftSaved(processKey, savedAt, diagnostics);
    }

    /// <summary>The draft of a key, or null.</summary>
    public Task<ProcessDefinitionRecord?> FindAsync(string processKey, CancellationToken cancellationToken) =>
        db.ProcessDefinitions.AsNoTracking()
            .FirstOrDefaultAsync(d => d.ProcessKey == processKey && d.Status == ProcessDefinitionStatus.Draft, cancellationToken);

    /// <summary>Throws the draft away; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string processKey, CancellationToken cancellationToken) =>
        await db.ProcessDefinitions
            .Where(d => d.ProcessKey == processKey && d.Status == ProcessDefinitionStatus.Draft)
            .ExecuteDeleteAsync(cancellationToken) > 0;

    /// <summary>
    /// Publishes the draft through the deployer (validation, versioning, unchanged detection). A
    /// rejected draft stays as it was; a published one is removed.
    /// </summary>
    /// <returns>Null when the key has no draft.</returns>
    public async Task<DeploymentResult?> PublishAsync(string processKey, string publishedBy, CancellationToken cancellationToken)
    {
        var draft = await FindAsync(processKey, cancellationToken);
        if (draft is null)
        {
            return null;
        }

        var parsed = BpmnParser.Parse(draft.Xml);
        if (parsed.Document is { } document && document.FindProcess(processKey) is null)
        {
            return DeploymentResult.Rejected(
            [
                new BpmnDiagnostic(DeploymentDiagnostics.DraftKeyMismatch, DiagnosticSeverity.Error,
                    $"The draft of '{processKey}' defines no process with that id.", null, document.Root.Line, document.Root.Column),
            ]);
        }

        var result = await deployer.DeployAsync(new DeploymentRequest(draft.Xml, publishedBy, $"draft:{processKey}"), cancellationToken);
        if (result.Succeeded)
        {
            await DeleteAsync(processKey, cancellationToken);
        }

        return result;
    }
}

/// <summary>A saved draft and what the validator thinks of it.</summary>
public sealed record DraftSaved(string ProcessKey, DateTimeOffset SavedAt, IReadOnlyList<BpmnDiagnostic> Diagnostics)
{
    /// <summary>True when the draft could be published as it stands.</summary>
    public bool Publishable => !Diagnostics.Any(d => d.IsError);
}
