using ApprovalHub.Admin.Blazor.Components.Tasks;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;
using Microsoft.AspNetCore.WebUtilities;

namespace ApprovalHub.Admin.Blazor.Tests.Tasks;

/// <summary>The queue's state in the address: written and read back the same, defaults left out, nonsense ignored.</summary>
public sealed class QueueStateTests
{
    private static string Address(QueueState state) =>
        QueryHelpers.AddQueryString("http://localhost/tasks", state.ToQueryParameters()
            .Where(p => p.Value is not null)
            .Select(p => new KeyValuePair<string, string?>(p.Key, (string)p.Value!)));

    [Fact]
    public void AFilteredQueue_ShouldReadBackFromItsAddress()
    {
        var state = new QueueState
        {
            View = TaskView.Done,
            Unit = "11",
            Step = "coding",
            Sla = SlaState.Escalated,
            Region = "3301",
            DueBy = new DateOnly(2026, 12, 31),
            Keyword = "演示 使用单位",
            Sort = TaskSort.Sla,
            Page = 7,
        };

        Assert.Equal(state, QueueState.Parse(Address(state)));
    }

    [Fact]
    public void ThePlainQueue_ShouldBeJustTasks()
    {
        Assert.Equal("http://localhost/tasks", Address(new QueueState()));
        Assert.Equal(new QueueState(), QueueState.Parse("http://localhost/tasks"));
    }

    [Theory]
    [InlineData("tab=everything&page=-3&sort=random&sla=7&due=31.12.2026", TaskView.Todo, TaskSort.Due)]
    [InlineData("tab=started&sla=overdue&due=2026-12-31&region=3301&sort=due", TaskView.Started, TaskSort.CreatedDescending)]
    public void WhatDoesNotBelong_ShouldFallBackToTheDefault(string query, TaskView view, TaskSort sort)
    {
        var state = QueueState.Parse($"http://localhost/tasks?{query}");

        Assert.Equal((view, sort, 1, (SlaState?)null, (DateOnly?)null, (string?)null), (state.View, state.Sort, state.Page, state.Sla, state.DueBy, state.Region));
    }

    [Fact]
    public void DueBy_ShouldMeanTheEndOfThatDayInBeijing()
    {
        var query = new QueueState { DueBy = new DateOnly(2026, 12, 1) }.ToQuery();

        Assert.Equal(new DateTimeOffset(2026, 12, 1, 16, 0, 0, TimeSpan.Zero).AddTicks(-1), query.DueBefore!.Value.ToUniversalTime());
        Assert.Equal(QueueState.PageSize, query.PageSize);
    }
}
