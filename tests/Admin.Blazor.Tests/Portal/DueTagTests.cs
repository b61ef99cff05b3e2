using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Admin.Blazor.Localization;
using Bunit;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

/// <summary>A deadline against today in Beijing (26 November 2026 in these tests).</summary>
public sealed class DueTagTests : PortalTestBase
{
    [Theory]
    [InlineData(2026, 11, 20, "ah-due-overdue", "已超期 6 天")]
    [InlineData(2026, 11, 26, "ah-due-soon", "今天到期")]
    [InlineData(2026, 12, 26, "ah-due-soon", "30 天后到期")]
    [InlineData(2026, 12, 27, null, null)]
    public void ADeadline_ShouldShowHowItStandsToday(int year, int month, int day, string? cssClass, string? tag)
    {
        var due = Render<DueTag>(p => p.Add(d => d.Date, new DateOnly(year, month, day)));

        Assert.Equal($"{year:0000}-{month:00}-{day:00}", due.Find(".ah-due > span").TextContent);
        Assert.Equal(cssClass is not null, due.Find(".ah-due").ClassList.Contains(cssClass ?? "-"));
        Assert.Equal(tag, due.FindAll(".ant-tag").SingleOrDefault()?.TextContent.Trim());
    }

    [Fact]
    public void NoDeadline_ShouldBeADash_AndEnglishShouldReadNaturally()
    {
        Assert.Equal("—", Render<DueTag>().Find("span").TextContent);

        UseCulture(SupportedCultures.English);
        Assert.Contains("6 day(s) overdue", Render<DueTag>(p => p.Add(d => d.Date, new DateOnly(2026, 11, 20))).Markup, StringComparison.Ordinal);
    }
}
