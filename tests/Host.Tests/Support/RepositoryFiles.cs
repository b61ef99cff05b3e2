namespace ApprovalHub.Host.Tests.Support;

/// <summary>Files of this repository, found from the test binaries.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "ApprovalHub.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"ApprovalHub.sln not found above {AppContext.BaseDirectory}.");
    }
}
