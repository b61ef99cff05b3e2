using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Cases.Contracts;

namespace ApprovalHub.Host.Cases;

// Drafts: one per user and unit, saved as typed (not validated), deleted when the application is sent.
internal sealed partial class CaseApplications
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<DraftView>> ListDraftsAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        await drafts.ListAsync(await SignedInAsync(user, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public async Task<DraftView?> GetDraftAsync(ClaimsPrincipal user, string unitCode, CancellationToken cancellationToken)
    {
        var me = await SignedInAsync(user, cancellationToken);
        return await drafts.GetAsync(me, Unit(unitCode).Code, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<DraftView> SaveDraftAsync(ClaimsPrincipal user, string unitCode, JsonObject? data, CancellationToken cancellationToken)
    {
        var caller = await callers.FromAsync(user, cancellationToken);
        var me = caller.UserName ?? throw CaseException.Forbidden("请先登录。");
        var unit = Unit(unitCode);

        // Only someone who may send the application keeps a draft of it.
        RequireApplicant(caller, unit);
        return await drafts.SaveAsync(me, unit.Code, data ?? [], cancellationToken);
    }

    /// <inheritdoc />
    public async Task<bool> DeleteDraftAsync(ClaimsPrincipal user, string unitCode, CancellationToken cancellationToken)
    {
        var me = await SignedInAsync(user, cancellationToken);
        return await drafts.DeleteAsync(me, Unit(unitCode).Code, cancellationToken);
    }

    private async Task<string> SignedInAsync(ClaimsPrincipal user, CancellationToken cancellationToken) =>
        (await callers.FromAsync(user, cancellationToken)).UserName ?? throw CaseException.Forbidden("请先登录。");

    private Supervision.Cases.Catalog.CatalogUnit Unit(string unitCode) =>
        catalog.FindUnit(unitCode) ?? throw CaseException.NotFound($"没有编号为“{unitCode}”的业务。");
}
