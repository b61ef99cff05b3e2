using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Demo;

/// <summary>Finds the repository's <c>definitions</c> folder.</summary>
internal sealed class DefinitionsFolder(IOptions<DefinitionsOptions> options, IHostEnvironment environment)
{
    private const string FolderName = "definitions";
    private const string SolutionFile = "ApprovalHub.sln";

    /// <summary>The folder, or null; <paramref name="looked"/> says where it was looked for.</summary>
    public string? Locate(out string looked)
    {
        if (!string.IsNullOrWhiteSpace(options.Value.Path))
        {
            var configured = Path.GetFullPath(options.Value.Path);
            looked = $"Definitions:Path = {configured}";
            return Directory.Exists(configured) ? configured : null;
        }

        // The content root is src/Host under `dotnet run --project src/Host` and in tests; the
        // current directory covers a published build started from the repository root.
        string[] starts = [environment.ContentRootPath, Directory.GetCurrentDirectory()];
        foreach (var start in starts)
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, FolderName);
                if (File.Exists(Path.Combine(directory.FullName, SolutionFile)) && Directory.Exists(candidate))
                {
                    looked = candidate;
                    return candidate;
                }
            }
        }

        looked = $"a '{FolderName}' folder next to {SolutionFile} above {string.Join(" or ", starts.Distinct())}";
        return null;
    }
}
