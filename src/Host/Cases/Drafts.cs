using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Queue;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Cases;

/// <summary>Drafts of application forms, one per user and unit (<c>wf_form_drafts</c>).</summary>
internal sealed class Drafts(Func<WorkflowDbContext> createContext, TimeProvider time)
{
    /// <summary>Largest draft kept, in characters of JSON.</summary>
    public const int MaxDraftLength = 256 * 1024;

    public async Task<IReadOnlyList<DraftView>> ListAsync(string userName, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var rows = await db.FormDrafts.AsNoTracking().Where(d => d.UserId == userName).OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);
        return rows.ConvertAll(View);
    }

    public async Task<DraftView?> GetAsync(string userName, string unitCode, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        var row = await db.FormDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userName && d.OwnerKey == unitCode, cancellationToken);
        return row is null ? null : View(row);
    }

    public async Task<FormDraftRecord?> FindAsync(string userName, Guid id, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.FormDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.UserId == userName && d.Id == id, cancellationToken);
    }

    /// <summary>Creates or replaces the user's draft of a unit. The data is not validated: a draft may be half done.</summary>
    public async Task<DraftView> SaveAsync(string userName, string unitCode, JsonObject data, CancellationToken cancellationToken)
    {
        var json = data.ToJsonString();
        if (json.Length > MaxDraftLength)
        {
            throw CaseException.Field("data", $"草稿过大（超过{MaxDraftLength / 1024} KB）");
        }

        var now = time.GetUtcNow();
        for (var attempt = 1; ; attempt++)
        {
            await using var db = createContext();
            var row = await db.FormDrafts.FirstOrDefaultAsync(d => d.UserId == userName && d.OwnerKey == unitCode, cancellationToken);
            if (row is null)
            {
                row = new FormDraftRecord { Id = Guid.CreateVersion7(now), UserId = userName, OwnerKey = unitCode, Data = json, CreatedAt = now, UpdatedAt = now };
                db.FormDrafts.Add(row);
            }
            else
            {
                row.Data = json;
                row.UpdatedAt = now;
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return View(row);
            }
            catch (DbUpdateException) when (attempt == 1)
            {
                // The same user saved the same draft from another tab a moment ago: update theirs.
            }
        }
    }

    public async Task<bool> DeleteAsync(string userName, string unitCode, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        return await db.FormDrafts.Where(d => d.UserId == userName && d.OwnerKey == unitCode).ExecuteDeleteAsync(cancellationToken) > 0;
    }

    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = createContext();
        await db.FormDrafts.Where(d => d.Id == id).ExecuteDeleteAsync(cancellationToken);
    }

    private static DraftView View(FormDraftRecord row) =>
        new(row.Id, row.OwnerKey, JsonNode.Parse(row.Data, documentOptions: new JsonDocumentOptions { MaxDepth = 64 }) as JsonObject ?? [], row.CreatedAt, row.UpdatedAt);
}
