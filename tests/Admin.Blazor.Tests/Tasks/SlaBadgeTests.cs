using ApprovalHub.Admin.Blazor.Components.Tasks;
using ApprovalHub.Admin.Blazor.Localization;
using ApprovalHub.Admin.Blazor.Tests.Support;
using ApprovalHub.Workflows.Runtime.Records;
using Bunit;

namespace ApprovalHub.Admin.Blazor.Tests.Tasks;

/// <summary>The SLA badge: working days left in words, yellow on the last day, red once past, in both languages.</summary>
public sealed class SlaBadgeTests : AdminTestBase
{
    private static readonly DateTimeOffset Due = new(2026, 11, 30, 1, 0, 0, TimeSpan.Zero);

    private IRenderedComponent<SlaBadge> Badge(SlaState state, int? daysLeft, DateTimeOffset? due) =>
        Render<SlaBadge>(p => p.Add(b => b.State, state).Add(b => b.WorkingDaysLeft, daysLeft).Add(b => b.DueAt, due));

    [Fact]
    public void Badge_ShouldCountWorkingDaysLeftInGreen_WhenTheDeadlineIsAhead()
    {
        var badge = Badge(SlaState.Normal, 3, Due).Find("span");

        Assert.Equal("剩 3 个工作日", badge.TextContent.Trim());
        Assert.Contains("ah-sla-normal", badge.ClassName, StringComparison.Ordinal);
        Assert.Equal("到期：2026-11-30 09:00:00", badge.GetAttribute("title"));
        Assert.Equal("正常，剩 3 个工作日，到期：2026-11-30 09:00:00", badge.GetAttribute("aria-label"));
    }

    [Fact]
    public void Badge_ShouldTurnYellow_OnTheLastWorkingDay_EvenBeforeTheSlaJobMovedTheTask()
    {
        var badge = Badge(SlaState.Normal, 0, Due).Find("span");

        Assert.Equal("今日到期", badge.TextContent.Trim());
        Assert.Contains("ah-sla-warning", badge.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Badge_ShouldTurnRedAndCountTheDaysOverdue_WhenTheDeadlinePassed()
    {
        var overdue = Badge(SlaState.Overdue, -2, Due).Find("span");
        Assert.Equal("超期 2 个工作日", overdue.TextContent.Trim());
        Assert.Contains("ah-sla-overdue", overdue.ClassName, StringComparison.Ordinal);

        // The days already say overdue: red at once, whatever the stored state still is.
        Assert.Contains("ah-sla-overdue", Badge(SlaState.Warning, -1, Due).Find("span").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Badge_ShouldSayEscalated_WhenTheSuperiorLevelWasAlerted()
    {
        var badge = Badge(SlaState.Escalated, -4, Due).Find("span");

        Assert.Equal("已升级 · 超期 4 个工作日", badge.TextContent.Trim());
        Assert.Contains("ah-sla-escalated", badge.ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void Badge_ShouldSayNoDeadline_WhenTheTaskHasNone()
    {
        var badge = Badge(SlaState.Normal, null, null).Find("span");

        Assert.Equal("无时限", badge.TextContent.Trim());
        Assert.Contains("ah-sla-none", badge.ClassName, StringComparison.Ordinal);
        Assert.Null(badge.GetAttribute("title"));
    }

    [Fact]
    public void Badge_ShouldSpeakEnglish_WhenTheUserChoseIt()
    {
        UseCulture(SupportedCultures.English);

        Assert.Equal("3 working days left", Badge(SlaState.Normal, 3, Due).Find("span").TextContent.Trim());
        Assert.Equal("2 working days overdue", Badge(SlaState.Overdue, -2, Due).Find("span").TextContent.Trim());
    }
}
