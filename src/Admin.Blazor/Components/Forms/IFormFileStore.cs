namespace ApprovalHub.Admin.Blazor.Components.Forms;

/// <summary>
/// Where the file references of a form (form-js <c>filepicker</c>) point: the browser uploads a
/// file first, and the form carries only its id (docs/forms.md). The host implements it over its
/// attachment store, scoped to the signed-in user; without one, file fields say that nothing can
/// be uploaded here, and a read-only form shows the ids.
/// </summary>
public interface IFormFileStore
{
    /// <summary>The largest file accepted, in bytes.</summary>
    long MaxFileBytes { get; }

    /// <summary>Stores a file the user picked and returns its reference.</summary>
    /// <exception cref="FormFileRejectedException">The store refuses the file (type, size, quota); the message is for the user.</exception>
    Task<FormFileReference> UploadAsync(string fileName, string contentType, Stream content, CancellationToken cancellationToken);

    /// <summary>The files behind <paramref name="ids"/> that the user may see; ids not found or not theirs are left out.</summary>
    Task<IReadOnlyList<FormFileReference>> DescribeAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken);
}

/// <summary>A stored file a form refers to.</summary>
/// <param name="Id">The id the form carries (<c>^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$</c>).</param>
/// <param name="FileName">The name the user uploaded it under.</param>
/// <param name="Size">Its size in bytes.</param>
/// <param name="DownloadUrl">Where the signed-in user downloads it, if anywhere.</param>
public sealed record FormFileReference(string Id, string FileName, long Size, string? DownloadUrl);

/// <summary>A file the store will not take; the message says why, in the user's language.</summary>
public sealed class FormFileRejectedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public FormFileRejectedException()
    {
    }

    /// <summary>Creates the exception with a message for the user.</summary>
    public FormFileRejectedException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message for the user and its cause.</summary>
    public FormFileRejectedException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
