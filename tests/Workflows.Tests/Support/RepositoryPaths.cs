namespace ApprovalHub.Workflows.Tests.Support;

/// <summary>Finds the repository root (the folder with ApprovalHub.sln) and the shared inputs beside it.</summary>
internal static class RepositoryPaths
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ApprovalHub.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("ApprovalHub.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Root => RootPath.Value;

    /// <summary>../shared: read-only inputs (conformance models, benchmark processes) laid beside every clone.</summary>
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    public static string Miwg => Path.Combine(Shared, "conformance", "miwg");

    public static string Samples => Path.Combine(AppContext.BaseDirectory, "Samples");
}
