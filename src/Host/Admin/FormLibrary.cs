using ApprovalHub.Admin.Blazor.Components.Admin;
using ApprovalHub.Host.Demo;

namespace ApprovalHub.Host.Admin;

/// <summary>The form-js schemas in <c>definitions/forms</c>, read for the analysts' form editor.</summary>
internal sealed class FormLibrary(DefinitionsFolder definitions) : IFormLibrary
{
    public Task<IReadOnlyList<string>> ListAsync(CancellationToken cancellationToken)
    {
        var folder = Folder();
        IReadOnlyList<string> keys = folder is null
            ? []
            : Directory.EnumerateFiles(folder, "*.form").Select(Path.GetFileNameWithoutExtension).OfType<string>().Order(StringComparer.Ordinal).ToList();
        return Task.FromResult(keys);
    }

    public async Task<string?> LoadAsync(string formKey, CancellationToken cancellationToken)
    {
        // Only a plain file name of the list: no path may reach outside the forms folder.
        if ((await ListAsync(cancellationToken)).Contains(formKey, StringComparer.Ordinal) && Folder() is { } folder)
        {
            return await File.ReadAllTextAsync(Path.Combine(folder, formKey + ".form"), cancellationToken);
        }

        return null;
    }

    private string? Folder() => definitions.Locate(out _) is { } root && Directory.Exists(Path.Combine(root, "forms")) ? Path.Combine(root, "forms") : null;
}
