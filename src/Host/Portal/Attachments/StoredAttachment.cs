namespace ApprovalHub.Host.Portal.Attachments;

/// <summary>What is kept beside an uploaded file: who uploaded it, for which organisation and region, and what it is.</summary>
/// <param name="Id">The id forms carry: 32 random hexadecimal characters.</param>
/// <param name="FileName">The name it was uploaded under (no folders).</param>
/// <param name="ContentType">The type the browser reported.</param>
/// <param name="Size">Bytes.</param>
/// <param name="UploadedBy">The uploader's user name.</param>
/// <param name="OrganisationId">The organisation the uploader acted for, if any.</param>
/// <param name="RegionCode">The region of that organisation (or of a regulator), for officials' access.</param>
/// <param name="UploadedAt">When.</param>
public sealed record StoredAttachment(
    string Id, string FileName, string ContentType, long Size, string UploadedBy, long? OrganisationId, string? RegionCode, DateTimeOffset UploadedAt);
