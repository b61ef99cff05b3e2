using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Portal.Attachments;

/// <summary>
/// Uploaded form files on disk: <c>{path}/{id[0..2]}/{id}</c> with a <c>.json</c> of
/// <see cref="StoredAttachment"/> beside it. Ids are random, so a file name never reaches the file
/// system and ids cannot be guessed; a file is written under a temporary name and moved into place,
/// so a reader never sees half of one.
/// </summary>
internal sealed class AttachmentStore(IOptions<AttachmentOptions> options, TimeProvider timeProvider)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The largest file accepted.</summary>
    public long MaxFileBytes => options.Value.MaxFileBytes;

    /// <summary>Stores <paramref name="content"/>; more than <see cref="MaxFileBytes"/> is refused and nothing is kept.</summary>
    /// <exception cref="AttachmentTooLargeException">The content is larger than allowed.</exception>
    public async Task<StoredAttachment> SaveAsync(
        string fileName, string contentType, Stream content, string uploadedBy, long? organisationId, string? regionCode, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
        var folder = Folder(id);
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $"{id}.{Guid.NewGuid():N}.part");
        long size;
        try
        {
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                size = await CopyLimitedAsync(content, file, MaxFileBytes, cancellationToken);
            }

            var stored = new StoredAttachment(id, SafeName(fileName), string.IsNullOrWhiteSpace(contentType) ? "application/octet-stream" : contentType,
                size, uploadedBy, organisationId, regionCode, timeProvider.GetUtcNow());
            await File.WriteAllTextAsync(MetadataPath(id), JsonSerializer.Serialize(stored, Json), cancellationToken);
            File.Move(temporary, ContentPath(id));
            return stored;
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    /// <summary>The file's record, or null for an id that is malformed or unknown.</summary>
    public async Task<StoredAttachment?> FindAsync(string id, CancellationToken cancellationToken)
    {
        if (!IsId(id) || !File.Exists(MetadataPath(id)) || !File.Exists(ContentPath(id)))
        {
            return null;
        }

        await using var metadata = File.OpenRead(MetadataPath(id));
        return await JsonSerializer.DeserializeAsync<StoredAttachment>(metadata, Json, cancellationToken);
    }

    /// <summary>Opens the file's content for reading.</summary>
    public Stream Open(StoredAttachment attachment)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        return new FileStream(ContentPath(attachment.Id), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
    }

    /// <summary>True for the shape of the ids this store hands out.</summary>
    public static bool IsId(string? id) => id is { Length: 32 } && id.All(char.IsAsciiHexDigitLower);

    private string Root => Path.GetFullPath(options.Value.Path);

    private string Folder(string id) => Path.Combine(Root, id[..2]);

    private string ContentPath(string id) => Path.Combine(Folder(id), id);

    private string MetadataPath(string id) => Path.Combine(Folder(id), id + ".json");

    private static async Task<long> CopyLimitedAsync(Stream source, Stream target, long limit, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await source.ReadAsync(buffer, cancellationToken)) > 0)
        {
            total += read;
            if (total > limit)
            {
                throw new AttachmentTooLargeException(limit);
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
        }

        return total;
    }

    // The name is only ever shown and offered as the download name: no folders, no control characters.
    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length == 0 ? "file" : name.Length > 200 ? name[..200] : name;
    }
}

/// <summary>A file larger than <see cref="AttachmentOptions.MaxFileMegabytes"/>.</summary>
public sealed class AttachmentTooLargeException : Exception
{
    public AttachmentTooLargeException()
    {
    }

    public AttachmentTooLargeException(string message) : base(message)
    {
    }

    public AttachmentTooLargeException(string message, Exception innerException) : base(message, innerException)
    {
    }

    internal AttachmentTooLargeException(long limit) : base($"The file is larger than {limit} bytes.")
    {
    }
}
