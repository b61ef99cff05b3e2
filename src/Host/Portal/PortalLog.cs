namespace ApprovalHub.Host.Portal;

/// <summary>Log events of the portal and the public QR page: 8100–8199.</summary>
internal static partial class PortalLog
{
    [LoggerMessage(EventId = 8100, Level = LogLevel.Information, Message = "Attachment {AttachmentId} uploaded ({Size} bytes) by {UserName} for organisation {OrganisationId}")]
    public static partial void AttachmentUploaded(this ILogger logger, string attachmentId, long size, string userName, long? organisationId);

    [LoggerMessage(EventId = 8101, Level = LogLevel.Warning, Message = "Attachment {AttachmentId} refused to {UserName}: not theirs to read")]
    public static partial void AttachmentRefused(this ILogger logger, string attachmentId, string userName);
}
