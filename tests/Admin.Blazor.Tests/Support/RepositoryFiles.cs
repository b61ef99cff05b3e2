namespace ApprovalHub.Admin.Blazor.Tests.Support;

/// <summary>Files of the repository the tests read (definitions/forms).</summary>
internal static class RepositoryFiles
{
    /// <summary>The repository's root: the folder above the test binaries that holds ApprovalHub.sln.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ApprovalHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("ApprovalHub.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Every definitions/forms/*.form, sorted.</summary>
    public static IReadOnlyList<string> Forms() =>
        [.. Directory.EnumerateFiles(Path.Combine(Root(), "definitions", "forms"), "*.form").Order(StringComparer.Ordinal)];
}
