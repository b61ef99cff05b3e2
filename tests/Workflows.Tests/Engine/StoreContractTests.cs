using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using ApprovalHub.Workflows.Tests.Engine.Support;
using static ApprovalHub.Workflows.Tests.Engine.Support.StoreRows;

namespace ApprovalHub.Workflows.Tests.Engine;

/// <summary>
/// The store contract the engine relies on, checked against the store directly: row versions,
/// all-or-nothing commits, null correlation keys, ordering. The in-memory store is the reference.
/// </summary>
public abstract class StoreContractTests(IStoreFactory stores) : EngineTest(stores)
{
    [Fact]
    public async Task Concurrent_commits_on_one_instance_let_exactly_one_win()
    {
        var state = Instance();
        await Store.CommitAsync(Insert(state), Ct);
        var loaded = (await Store.LoadInstanceAsync(state.Id, Ct))!;

        // Two commands that both loaded revision 1, each creating a task and a history entry.
        var first = Update(loaded, s => s.Status = InstanceStatus.Completed);
        first.NewTasks.Add(Task(state.Id, "first"));
        first.History.Add(History(state.Id, "first"));
        var second = Update(loaded, s => s.Status = InstanceStatus.Canceled);
        second.NewTasks.Add(Task(state.Id, "second"));
        second.History.Add(History(state.Id, "second"));

        var outcomes = await System.Threading.Tasks.Task.WhenAll(TryCommitAsync(first), TryCommitAsync(second));

        Assert.Single(outcomes, won => won);
        var winner = outcomes[0] ? "first" : "second";
        var stored = (await Queries.GetInstanceAsync(state.Id, Ct))!;
        Assert.Equal(2, stored.Revision);
        Assert.Equal(winner == "first" ? InstanceStatus.Completed : InstanceStatus.Canceled, stored.Status);
        Assert.Equal([winner], (await Queries.GetTasksAsync(state.Id, Ct)).Select(t => t.ElementId));
        Assert.Equal([winner], (await Queries.GetHistoryAsync([state.Id], Ct)).Select(h => h.ElementId));
    }

    [Fact]
    public async Task Inserting_an_instance_that_exists_is_a_conflict_and_writes_nothing()
    {
        var state = Instance();
        await Store.CommitAsync(Insert(state), Ct);
        var again = Insert(state.Clone());
        again.History.Add(History(state.Id, "again"));

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(again, Ct).AsTask());

        Assert.Empty(await Queries.GetHistoryAsync([state.Id], Ct));
        Assert.Equal(1, (await Queries.GetInstanceAsync(state.Id, Ct))!.Revision);
    }

    [Fact]
    public async Task A_task_update_with_a_stale_revision_is_a_conflict()
    {
        var state = Instance();
        var insert = Insert(state);
        insert.NewTasks.Add(Task(state.Id));
        await Store.CommitAsync(insert, Ct);
        var taskId = Assert.Single(await Queries.GetTasksAsync(state.Id, Ct)).Id;
        var mine = (await Store.LoadTaskAsync(taskId, Ct))!;
        var theirs = (await Store.LoadTaskAsync(taskId, Ct))!;
        Assert.Equal(1, mine.Revision);

        mine.Assignee = "wang";
        var claim = new ChangeSet();
        claim.UpdatedTasks[mine.Id] = mine;
        await Store.CommitAsync(claim, Ct);
        theirs.Assignee = "li";
        var staleClaim = new ChangeSet();
        staleClaim.UpdatedTasks[theirs.Id] = theirs;

        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => Store.CommitAsync(staleClaim, Ct).AsTask());

        var stored = (await Store.LoadTaskAsync(taskId, Ct))!;
        Assert.Equal("wang", stored.Assignee);
        Assert.Equal(2, stored.Revision);
        Assert.Equal(["regulator", "county,330106"], stored.CandidateGroups);
        Assert.Equal(1, mine.Revision);
    }

    [Fact]
    public async Task Canceling_tasks_changes_only_those_still_open()
    {
        var state = Instance();
        var insert = Insert(state);
        insert.NewTasks.Add(Task(state.Id, "done"));
        insert.NewTasks.Add(Task(state.Id, "open"));
        await Store.CommitAsync(insert, Ct);
        var tasks = await Queries.GetTasksAsync(state.Id, Ct);
        var done = tasks.Single(t => t.ElementId == "done");
        done.Status = UserTaskStatus.Completed;
        done.EndedAt = T0.AddHours(1);
        var complete = new ChangeSet();
        complete.UpdatedTasks[done.Id] = done;
        await Store.CommitAsync(complete, Ct);

        var cancel = new ChangeSet();
        foreach (var task in tasks)
        {
            cancel.CanceledTasks[task.Id] = T0.AddHours(2);
        }

        await Store.CommitAsync(cancel, Ct);

        var after = (await Queries.GetTasksAsync(state.Id, Ct)).ToDictionary(t => t.ElementId);
        Assert.Equal((UserTaskStatus.Completed, T0.AddHours(1), 2L), (after["done"].Status, after["done"].EndedAt, after["done"].Revision));
        Assert.Equal((UserTaskStatus.Canceled, T0.AddHours(2), 2L), (after["open"].Status, after["open"].EndedAt, after["open"].Revision));
    }

    [Fact]
    public async Task A_null_correlation_key_matches_only_subscriptions_and_messages_without_a_key()
    {
        var state = Instance();
        var insert = Insert(state);
        insert.NewSubscriptions.Add(Subscription(state.Id, "整改完成", null, "t1"));
        insert.NewSubscriptions.Add(Subscription(state.Id, "整改完成", "SY-1", "t2"));
        insert.NewSubscriptions.Add(Subscription(state.Id, "其他", null, "t3"));
        insert.NewInbox.Add(Inbox("检验报告", "SY-1", T0, TimeSpan.FromDays(1)));
        insert.NewInbox.Add(Inbox("检验报告", null, T0.AddMinutes(1), TimeSpan.FromDays(1)));
        await Store.CommitAsync(insert, Ct);

        var keyless = await Store.FindSubscriptionsAsync("整改完成", null, Ct);
        var keyed = await Store.FindSubscriptionsAsync("整改完成", "SY-1", Ct);
        var keylessMessage = await Store.FindInboxMessageAsync("检验报告", null, T0.AddHours(1), Ct);
        var keyedMessage = await Store.FindInboxMessageAsync("检验报告", "SY-1", T0.AddHours(1), Ct);

        Assert.Equal("t1", Assert.Single(keyless).TokenId);
        Assert.Equal("t2", Assert.Single(keyed).TokenId);
        Assert.Empty(await Store.FindSubscriptionsAsync("整改完成", "SY-2", Ct));
        Assert.Null(keylessMessage!.CorrelationKey);
        Assert.Equal("SY-1", keyedMessage!.CorrelationKey);
        Assert.Equal("""{"结果":"合格"}""", keyedMessage.VariablesJson);
    }

    [Fact]
    public async Task The_inbox_gives_the_oldest_unexpired_message()
    {
        var insert = new ChangeSet();
        var expired = Inbox("m", "k", T0, TimeSpan.FromHours(1));
        var oldest = Inbox("m", "k", T0.AddMinutes(10), TimeSpan.FromDays(1));
        var newer = Inbox("m", "k", T0.AddMinutes(20), TimeSpan.FromDays(1));
        insert.NewInbox.AddRange([expired, oldest, newer]);
        await Store.CommitAsync(insert, Ct);

        Assert.Equal(oldest.Id, (await Store.FindInboxMessageAsync("m", "k", T0.AddHours(2), Ct))!.Id);
        var consume = new ChangeSet();
        consume.ConsumedInbox.Add(oldest.Id);
        await Store.CommitAsync(consume, Ct);
        Assert.Equal(newer.Id, (await Store.FindInboxMessageAsync("m", "k", T0.AddHours(2), Ct))!.Id);
        Assert.Null(await Store.FindInboxMessageAsync("m", "k", T0.AddDays(2), Ct));
    }

    [Fact]
    public async Task Due_jobs_come_earliest_first_as_the_same_instants()
    {
        var state = Instance();
        var insert = Insert(state);
        var utc = TimeSpan.Zero;
        var late = Job(state.Id, new DateTimeOffset(2026, 3, 4, 2, 0, 0, utc), "t1");
        var early = Job(state.Id, new DateTimeOffset(2026, 3, 4, 9, 0, 0, TimeSpan.FromHours(8)), "t2");
        var later = Job(state.Id, new DateTimeOffset(2026, 3, 5, 0, 0, 0, utc), "t3");
        insert.NewJobs.AddRange([late, early, later]);
        await Store.CommitAsync(insert, Ct);

        var due = await Store.FindDueJobsAsync(new DateTimeOffset(2026, 3, 4, 12, 0, 0, TimeSpan.FromHours(8)), 10, Ct);

        Assert.Equal([early.Id, late.Id], due.Select(j => j.Id));
        Assert.Equal(early.DueAt, due[0].DueAt);
        Assert.Single(await Store.FindDueJobsAsync(DateTimeOffset.MaxValue.AddDays(-1), 1, Ct));
    }

    [Fact]
    public async Task Deletes_of_a_token_run_before_the_inserts_of_the_same_commit()
    {
        var state = Instance();
        var insert = Insert(state);
        var oldSubscription = Subscription(state.Id, "m", null);
        var oldJob = Job(state.Id, T0.AddDays(1));
        var otherToken = Subscription(state.Id, "m", null, "t9");
        insert.NewSubscriptions.AddRange([oldSubscription, otherToken]);
        insert.NewJobs.Add(oldJob);
        await Store.CommitAsync(insert, Ct);

        var again = Update((await Store.LoadInstanceAsync(state.Id, Ct))!);
        again.DeleteSubscriptions(state.Id, "t1");
        again.DeleteJobs(state.Id, "t1");
        var newSubscription = Subscription(state.Id, "m", null);
        var newJob = Job(state.Id, T0.AddDays(2));
        again.NewSubscriptions.Add(newSubscription);
        again.NewJobs.Add(newJob);
        await Store.CommitAsync(again, Ct);

        Assert.Equal(
            [newSubscription.Id, otherToken.Id],
            (await Queries.GetSubscriptionsAsync(state.Id, Ct)).OrderBy(s => s.TokenId, StringComparer.Ordinal).Select(s => s.Id));
        Assert.Equal([newJob.Id], (await Queries.GetJobsAsync(state.Id, Ct)).Select(j => j.Id));
    }

    [Fact]
    public async Task A_rescheduled_job_survives_the_deletion_of_its_token_jobs_in_the_same_commit()
    {
        var state = Instance();
        var insert = Insert(state);
        var job = Job(state.Id, T0.AddDays(1));
        insert.NewJobs.Add(job);
        await Store.CommitAsync(insert, Ct);

        var fire = Update((await Store.LoadInstanceAsync(state.Id, Ct))!);
        var loaded = (await Store.LoadJobAsync(job.Id, Ct))!;
        fire.DeleteJobs(state.Id, "t1");
        loaded.DueAt = T0.AddDays(8);
        loaded.RepeatsLeft = 2;
        fire.UpdatedJobs[loaded.Id] = loaded;
        await Store.CommitAsync(fire, Ct);

        var stored = Assert.Single(await Queries.GetJobsAsync(state.Id, Ct));
        Assert.Equal((job.Id, T0.AddDays(8), 2), (stored.Id, stored.DueAt, stored.RepeatsLeft));
    }

    [Fact]
    public async Task History_comes_back_in_write_order_across_instances()
    {
        var a = Instance();
        var b = Instance();
        var first = Insert(a);
        first.History.AddRange([History(a.Id, "a1"), History(a.Id, "a2")]);
        await Store.CommitAsync(first, Ct);
        var second = Insert(b);
        second.History.AddRange([History(b.Id, "b1"), History(b.Id, "b2")]);
        await Store.CommitAsync(second, Ct);
        var third = Update((await Store.LoadInstanceAsync(a.Id, Ct))!);
        third.History.Add(History(a.Id, "a3"));
        await Store.CommitAsync(third, Ct);

        Assert.Equal(["a1", "a2", "b1", "b2", "a3"], (await Queries.GetHistoryAsync([b.Id, a.Id], Ct)).Select(h => h.ElementId));
        Assert.Empty(await Queries.GetHistoryAsync([], Ct));
    }

    [Fact]
    public async Task Loads_return_copies_with_state_business_key_and_children()
    {
        var parent = Instance("SY-2026-0001");
        var child = Instance("SY-2026-0001", parent.Id, T0.AddMinutes(1));
        var insert = Insert(parent);
        insert.Write(child, 0);
        await Store.CommitAsync(insert, Ct);

        var loaded = (await Store.LoadInstanceAsync(parent.Id, Ct))!;
        loaded.Scopes[0].Variables["申请人"] = null;
        var again = (await Store.LoadInstanceAsync(parent.Id, Ct))!;

        Assert.Equal("王五", again.Scopes[0].Variables["申请人"]!.GetValue<string>());
        Assert.Equal(("t1", "wait", TokenStatus.Waiting), (again.Tokens[0].Id, again.Tokens[0].ElementId, again.Tokens[0].Status));
        Assert.Equal((2, parent.StartedAt), (again.NextId, again.StartedAt));
        Assert.Equal([parent.Id, child.Id], (await Queries.FindByBusinessKeyAsync("SY-2026-0001", Ct)).Select(i => i.Id));
        Assert.Equal([child.Id], (await Queries.GetChildrenAsync(parent.Id, Ct)).Select(i => i.Id));
        Assert.Null(await Store.LoadInstanceAsync(Guid.CreateVersion7(), Ct));
    }

    private async Task<bool> TryCommitAsync(ChangeSet changes)
    {
        try
        {
            // Off the test's thread, so both commits are in flight together.
            await System.Threading.Tasks.Task.Run(async () => await Store.CommitAsync(changes, Ct), Ct);
            return true;
        }
        catch (ConcurrencyConflictException)
        {
            return false;
        }
    }
}
