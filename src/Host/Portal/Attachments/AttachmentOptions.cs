namespace ApprovalHub.Host.Portal.Attachments;

/// <summary>Where uploaded form files (file references of forms) are kept, and how large they may be.</summary>
public sealed class AttachmentOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Attachments";

    /// <summary>
    /// The folder holding the files, relative to the working directory like the SQLite file. With
    /// several nodes it must be a folder they share (a network volume): a file uploaded through one
    /// node is read through another.
    /// </summary>
    public string Path { get; set; } = "data/attachments";

    /// <summary>The largest file accepted, in megabytes.</summary>
    public int MaxFileMegabytes { get; set; } = 20;

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxFileBytes => MaxFileMegabytes * 1024L * 1024L;
}
