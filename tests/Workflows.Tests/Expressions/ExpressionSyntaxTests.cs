using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Model;
using ApprovalHub.Workflows.Timers;

namespace ApprovalHub.Workflows.Tests.Expressions;

public class ExpressionSyntaxTests
{
    [Theory]
    [InlineData("${approved == true}", "approved == true")]
    [InlineData("  ${ level > 2 }  ", "level > 2")]
    [InlineData("approved && !rejected", "approved && !rejected")]
    public void Unwraps_dollar_braces_or_takes_bare_javascript(string text, string js)
    {
        Assert.Equal(js, ExpressionText.Unwrap(text));
    }

    [Theory]
    [InlineData("${approved == true}")]
    [InlineData("nrOfCompletedInstances / nrOfInstances >= 0.5")]
    [InlineData("${device.category === '3000' && ['A', 'B'].includes(grade)}")]
    public void Accepts_valid_expressions(string text)
    {
        Assert.Null(ExpressionText.CheckExpression(text));
    }

    [Theory]
    [InlineData("${approved == }")]
    [InlineData("${}")]
    [InlineData("a b")]
    [InlineData("var x = 1")]
    public void Reports_malformed_expressions(string text)
    {
        Assert.NotNull(ExpressionText.CheckExpression(text));
    }

    [Fact]
    public void Scripts_are_checked_as_scripts()
    {
        Assert.Null(ExpressionText.CheckScript("var total = amount * 2; total;"));
        Assert.Contains("line 2", ExpressionText.CheckScript("var a = 1;\nvar = ;"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TimerKind.Date, "2026-10-08T09:00:00+08:00")]
    [InlineData(TimerKind.Date, "2026-10-08T09:00:00Z")]
    [InlineData(TimerKind.Date, "2026-10-08")]
    [InlineData(TimerKind.Duration, "P15WD")]
    [InlineData(TimerKind.Duration, "${slaDays}")]
    [InlineData(TimerKind.Cycle, "R3/P1WD")]
    [InlineData(TimerKind.Cycle, "R/PT10M")]
    [InlineData(TimerKind.Cycle, "R5/2026-01-01T00:00:00Z/PT10M")]
    [InlineData(TimerKind.Cycle, "0 0 9 ? * MON-FRI")]
    [InlineData(TimerKind.Cycle, "*/5 * * * *")]
    public void Accepts_well_formed_timers(TimerKind kind, string text)
    {
        Assert.Null(TimerSyntax.Check(kind, text));
    }

    [Theory]
    [InlineData(TimerKind.Date, "tomorrow")]
    [InlineData(TimerKind.Date, "08/10/2026")]
    [InlineData(TimerKind.Duration, "15 days")]
    [InlineData(TimerKind.Duration, "")]
    [InlineData(TimerKind.Cycle, "R3")]
    [InlineData(TimerKind.Cycle, "Rx/PT1M")]
    [InlineData(TimerKind.Cycle, "R3/PT1X")]
    [InlineData(TimerKind.Cycle, "R3/yesterday/PT1M")]
    [InlineData(TimerKind.Cycle, "every monday")]
    [InlineData(TimerKind.Cycle, "0 0 9 ? * MON-FRI % 2")]
    [InlineData(TimerKind.Duration, "${slaDays +}")]
    public void Rejects_malformed_timers(TimerKind kind, string text)
    {
        Assert.NotNull(TimerSyntax.Check(kind, text));
    }
}
