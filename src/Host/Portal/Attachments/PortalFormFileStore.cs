using ApprovalHub.Admin.Blazor.Components.Forms;
using ApprovalHub.Host.Security;
using ApprovalHub.Supervision.Persistence;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Host.Portal.Attachments;

/// <summary>
/// The form renderer's file store in the Blazor circuit: files go to <see cref="AttachmentStore"/>
/// as the signed-in user, for the organisation they act for, and only files that user may read are
/// described back. Scoped per circuit, like the user it serves.
/// </summary>
internal sealed class PortalFormFileStore(
    AuthenticationStateProvider authentication,
    AttachmentStore store,
    IServiceScopeFactory scopes,
    IStringLocalizer<FormsText> text,
    ILogger<PortalFormFileStore> logger) : IFormFileStore
{
    public long MaxFileBytes => store.MaxFileBytes;

    public async Task<FormFileReference> UploadAsync(string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true)
        {
            throw new FormFileRejectedException(text["UploadUnavailable"]);
        }

        var organisationId = AttachmentAccess.OrganisationOf(user);
        var region = user.FindFirst(SecurityClaims.RegionCode)?.Value;
        if (organisationId is { } id)
        {
            await using var scope = scopes.CreateAsyncScope();
            region = await scope.ServiceProvider.GetRequiredService<RegistryDbContext>().Organisations.AsNoTracking()
                .Where(o => o.Id == id).Select(o => o.RegionCode).FirstOrDefaultAsync(cancellationToken) ?? region;
        }

        try
        {
            var stored = await store.SaveAsync(fileName, contentType, content, user.ActorName(), organisationId, region, cancellationToken);
            logger.AttachmentUploaded(stored.Id, stored.Size, stored.UploadedBy, organisationId);
            return Reference(stored);
        }
        catch (AttachmentTooLargeException)
        {
            throw new FormFileRejectedException(text["FileTooLarge", fileName, Math.Round(store.MaxFileBytes / 1024d / 1024d, 1)]);
        }
    }

    public async Task<IReadOnlyList<FormFileReference>> DescribeAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var found = new List<FormFileReference>();
        foreach (var id in ids.Where(AttachmentStore.IsId).Distinct(StringComparer.Ordinal).Take(FormRulesValidator.MaxFiles))
        {
            if (await store.FindAsync(id, cancellationToken) is { } stored && AttachmentAccess.CanRead(user, stored))
            {
                found.Add(Reference(stored));
            }
        }

        return found;
    }

    private static FormFileReference Reference(StoredAttachment stored) =>
        new(stored.Id, stored.FileName, stored.Size, AttachmentsApi.DownloadUrl(stored.Id));
}
