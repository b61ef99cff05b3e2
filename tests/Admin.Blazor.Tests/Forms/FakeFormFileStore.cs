using ApprovalHub.Admin.Blazor.Components.Forms;

namespace ApprovalHub.Admin.Blazor.Tests.Forms;

/// <summary>An attachment store in memory: ids are <c>file-N</c>, names with "virus" are refused.</summary>
internal sealed class FakeFormFileStore(long maxFileBytes = 1024) : IFormFileStore
{
    private readonly Dictionary<string, (FormFileReference Reference, byte[] Content)> _files = new(StringComparer.Ordinal);

    public long MaxFileBytes => maxFileBytes;

    public IReadOnlyDictionary<string, (FormFileReference Reference, byte[] Content)> Files => _files;

    public void Add(string id, string name) => _files[id] = (new FormFileReference(id, name, 1, $"/files/{id}"), [1]);

    public async Task<FormFileReference> UploadAsync(string fileName, string contentType, Stream content, CancellationToken cancellationToken)
    {
        if (fileName.Contains("virus", StringComparison.Ordinal))
        {
            throw new FormFileRejectedException("文件未通过检查");
        }

        using var copy = new MemoryStream();
        await content.CopyToAsync(copy, cancellationToken);
        var id = $"file-{_files.Count + 1}";
        var reference = new FormFileReference(id, fileName, copy.Length, $"/files/{id}");
        _files[id] = (reference, copy.ToArray());
        return reference;
    }

    public Task<IReadOnlyList<FormFileReference>> DescribeAsync(IReadOnlyCollection<string> ids, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<FormFileReference>>([.. ids.Where(_files.ContainsKey).Select(id => _files[id].Reference)]);
}
