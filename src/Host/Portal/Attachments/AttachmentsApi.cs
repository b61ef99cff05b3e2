using System.Security.Claims;
using ApprovalHub.Host.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace ApprovalHub.Host.Portal.Attachments;

/// <summary>Downloads of uploaded form files: <c>GET /api/attachments/{id}</c>, for whoever may read them.</summary>
internal static class AttachmentsApi
{
    // Types a browser may show inline; anything else is offered as a download of unknown type, so an
    // uploaded HTML or SVG file can never run script on the platform's origin.
    private static readonly HashSet<string> InlineTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
    };

    public static string DownloadUrl(string id) => $"/api/attachments/{id}";

    public static IEndpointRouteBuilder MapAttachmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/attachments/{id}", DownloadAsync).WithTags("Attachments").WithName("DownloadAttachment")
            .WithSummary("An uploaded form file, for its uploader, their organisation and officials in scope")
            .WithDescription("Form fields of type filepicker carry these ids. Any other caller gets 404, as for an id that does not exist.");
        return app;
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(
        string id, ClaimsPrincipal user, AttachmentStore store, HttpContext http, ILogger<AttachmentStore> logger, CancellationToken cancellationToken)
    {
        if (await store.FindAsync(id, cancellationToken) is not { } stored)
        {
            return TypedResults.NotFound();
        }

        if (!AttachmentAccess.CanRead(user, stored))
        {
            logger.AttachmentRefused(id, user.ActorName());
            return TypedResults.NotFound();
        }

        var inline = InlineTypes.Contains(stored.ContentType);
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers[HeaderNames.ContentDisposition] = new ContentDispositionHeaderValue(inline ? "inline" : "attachment")
        {
            FileNameStar = stored.FileName,
        }.ToString();
        return TypedResults.Stream(store.Open(stored), inline ? stored.ContentType : "application/octet-stream");
    }
}
