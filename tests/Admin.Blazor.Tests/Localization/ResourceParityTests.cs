using System.Xml.Linq;
using ApprovalHub.Admin.Blazor.Components.Diagrams;
using ApprovalHub.Admin.Blazor.Localization;
using ApprovalHub.Admin.Blazor.Tests.Support;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Localization;

/// <summary>Every string has both languages: a key missing in English would show up as its raw name.</summary>
public sealed class ResourceParityTests : AdminTestBase
{
    public static TheoryData<string> NeutralResourceFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SourceFolder(), "*.resx", SearchOption.AllDirectories)
                     .Where(f => !Path.GetFileNameWithoutExtension(f).Contains('.', StringComparison.Ordinal))
                     .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                     .Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetRelativePath(SourceFolder(), file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(NeutralResourceFiles))]
    public void Every_key_has_a_chinese_and_an_english_text(string neutral)
    {
        var chinese = Read(Path.Combine(SourceFolder(), neutral));
        var englishPath = Path.Combine(SourceFolder(), Path.ChangeExtension(neutral, null) + "." + SupportedCultures.English + ".resx");
        Assert.True(File.Exists(englishPath), $"{neutral} has no en-US file");
        var english = Read(englishPath);

        Assert.Equal(chinese.Keys.Order(StringComparer.Ordinal), english.Keys.Order(StringComparer.Ordinal));
        Assert.All(chinese, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"{neutral}: {pair.Key} is empty"));
        Assert.All(english, pair => Assert.False(string.IsNullOrWhiteSpace(pair.Value), $"en-US {neutral}: {pair.Key} is empty"));
    }

    [Fact]
    public void The_neutral_language_is_chinese_and_english_is_a_switch_away()
    {
        var localizer = Services.GetRequiredService<IStringLocalizer<DiagramText>>();

        Assert.Equal("已完成", localizer["Completed"].Value);
        UseCulture(SupportedCultures.English);
        Assert.Equal("Completed", localizer["Completed"].Value);
        Assert.False(localizer["Completed"].ResourceNotFound);
    }

    private static Dictionary<string, string> Read(string path) =>
        XDocument.Load(path).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty, StringComparer.Ordinal);

    private static string SourceFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "src", "Admin.Blazor");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("src/Admin.Blazor not found above " + AppContext.BaseDirectory);
    }
}
