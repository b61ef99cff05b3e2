using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Queue;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Tests.Engine;
using ApprovalHub.Workflows.Tests.Engine.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ApprovalHub.Workflows.Tests.Persistence;

/// <summary>
/// The work queue's read model in the database stores: candidate rows exactly for the claimable
/// tasks (written, removed on claim, restored on unclaim, gone on completion), party rows for open
/// tasks, the projected columns, and the migration that fills both for tasks opened before it.
/// </summary>
public abstract class WorkQueueRowsTests(IDatabaseStores stores) : EngineTest(stores)
{
    private const string Body = """
        <startEvent id="start" ah:initiator="initiator" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="review" />
        <userTask id="review" name="审核" ah:candidateGroups="regulator.county" ah:candidateUsers="officer-x" ah:dueIn="P5WD" />
        <sequenceFlow id="f2" sourceRef="review" targetRef="fix" />
        <userTask id="fix" name="补正" ah:assignee="${initiator}" />
        <sequenceFlow id="f3" sourceRef="fix" targetRef="end" />
        <endEvent id="end" />
        """;

    private async Task<(List<TaskCandidateRow> Candidates, List<TaskPartyRow> Parties)> RowsAsync(Guid taskId)
    {
        await using var db = stores.Contexts();
        return (await db.TaskCandidates.AsNoTracking().Where(c => c.TaskId == taskId).OrderBy(c => c.Kind).ThenBy(c => c.Value).ToListAsync(Ct),
                await db.TaskParties.AsNoTracking().Where(p => p.TaskId == taskId).OrderBy(p => p.OrganisationId).ToListAsync(Ct));
    }

    [Fact]
    public async Task Claimable_tasks_have_candidate_rows_and_open_tasks_party_rows_until_they_close()
    {
        Options.TaskProjection = new TaskProjection { SubjectCodeVariable = "equipmentCode", SubjectNameVariable = "organisationName", PartiesVariable = "parties" };
        DeployBody(Body);
        var started = await Engine.StartAsync(new StartProcessRequest("p")
        {
            Initiator = "enterprise-1",
            Variables = Vars(new { regionCode = "330106001000", organisationId = 2001L, equipmentCode = "3110TC001202600001", organisationName = "演示使用单位", parties = new[] { 1001L, 2001L } }),
        }, Ct);
        var review = Assert.Single(await OpenTaskRowsAsync(started.InstanceId));
        Assert.Equal(("3110TC001202600001", "演示使用单位"), (review.SubjectCode, review.SubjectName));
        Assert.Equal([1001L, 2001L], review.PartyOrganisationIds);

        var (candidates, parties) = await RowsAsync(review.Id);
        Assert.Equal([(CandidateKind.User, "officer-x"), (CandidateKind.Group, "regulator.county")], candidates.Select(c => (c.Kind, c.Value)));
        Assert.All(candidates, c => Assert.Equal(("330106001000", "p", review.DueAt, review.CreatedAt), (c.RegionCode, c.ProcessKey, c.DueAt, c.CreatedAt)));
        Assert.Equal([1001L, 2001L], parties.Select(p => p.OrganisationId));

        // A claimed task is its holder's: out of the claimable set; unclaimed, back in.
        await Engine.ClaimTaskAsync(review.Id, "officer-y", ["regulator.county"], Ct);
        Assert.Empty((await RowsAsync(review.Id)).Candidates);
        Assert.Equal(2, (await RowsAsync(review.Id)).Parties.Count);
        await Engine.UnclaimTaskAsync(review.Id, "officer-y", Ct);
        Assert.Equal(2, (await RowsAsync(review.Id)).Candidates.Count);

        // Completed: no rows; the next task is assigned by definition, so it has parties but no candidates.
        await Engine.CompleteTaskAsync(review.Id, null, "officer-x", "approve: 同意", Ct);
        Assert.Equal((0, 0), ((await RowsAsync(review.Id)).Candidates.Count, (await RowsAsync(review.Id)).Parties.Count));
        var fix = Assert.Single(await OpenTaskRowsAsync(started.InstanceId));
        Assert.Equal((0, 2), ((await RowsAsync(fix.Id)).Candidates.Count, (await RowsAsync(fix.Id)).Parties.Count));
        Assert.Contains(await Queries.GetHistoryAsync([started.InstanceId], Ct), h => h is { Type: HistoryEventType.TaskCommented, Detail: "approve: 同意", UserId: "officer-x" });
        Assert.Equal("enterprise-1", (await InstanceAsync(started.InstanceId)).StartedBy);

        // Canceled with the instance: nothing is left to list.
        await Engine.CancelAsync(started.InstanceId, "enterprise-1", "撤回", Ct);
        Assert.Equal((0, 0), ((await RowsAsync(fix.Id)).Candidates.Count, (await RowsAsync(fix.Id)).Parties.Count));
    }

    [Fact]
    public async Task A_task_naming_nobody_is_claimable_by_anyone_in_scope()
    {
        DeployBody("""<startEvent id="start" /><sequenceFlow id="f1" sourceRef="start" targetRef="t" /><userTask id="t" />""");
        var id = await StartAsync(vars: new { regionCode = "330106" });
        var task = Assert.Single(await OpenTaskRowsAsync(id));
        Assert.Equal((CandidateKind.Group, TaskCandidateRow.Anyone), (await RowsAsync(task.Id)).Candidates.Select(c => (c.Kind, c.Value)).Single());
    }
}

public sealed class WorkQueueRowsTestsOnSqlite() : WorkQueueRowsTests(new SqliteStores());

public sealed class WorkQueueRowsTestsOnPostgres(PostgresStores stores) : WorkQueueRowsTests(stores), IClassFixture<PostgresStores>;

/// <summary>The WorkQueue migration fills the queue rows of tasks that were open before it, on both providers.</summary>
public sealed class WorkQueueMigrationTests
{
    private const string Previous = "JobLockIndex";

    // Three open tasks (one claimable by a group, one naming nobody, one assigned) and a completed one.
    private const string Tasks = """
        INSERT INTO wf_tasks (id, instance_id, definition_id, process_key, process_version, business_key, token_id, element_id, name,
            assignee, candidate_users, candidate_groups, form_key, priority, created_at, due_at, loop_counter, status, ended_at, completed_by,
            revision, region_code, organisation_id, sla_state, warn_at, delegation_state, owner, urge_count)
        VALUES
          ({0}, {4}, {4}, 'p', 1, 'AH11-1', 't1', 'a', 'A', NULL, '["u1"]', '["regulator.city"]', NULL, 0, {5}, NULL, NULL, 0, NULL, NULL, 1, '330106001000', 2001, 0, NULL, 0, NULL, 0),
          ({1}, {4}, {4}, 'p', 1, 'AH11-1', 't2', 'b', 'B', NULL, '[]', '[]', NULL, 0, {5}, NULL, NULL, 0, NULL, NULL, 1, '330106', NULL, 0, NULL, 0, NULL, 0),
          ({2}, {4}, {4}, 'p', 1, 'AH11-1', 't3', 'c', 'C', 'someone', '[]', '["regulator.city"]', NULL, 0, {5}, NULL, NULL, 0, NULL, NULL, 1, '330106', 2001, 0, NULL, 0, NULL, 0),
          ({3}, {4}, {4}, 'p', 1, 'AH11-1', 't4', 'd', 'D', NULL, '[]', '["regulator.city"]', NULL, 0, {5}, NULL, NULL, 1, {5}, 'x', 2, '330106', 2001, 0, NULL, 0, NULL, 0)
        """;

    [Fact]
    public async Task Tasks_opened_before_the_migration_are_in_the_queue_after_it_on_sqlite()
    {
        var path = Path.Combine(Path.GetTempPath(), "approvalhub-tests", $"queue-migration-{Guid.NewGuid():N}.db");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var connection = new SqliteConnectionStringBuilder { DataSource = path }.ConnectionString;
        try
        {
            // SQLite stores instants as UTC ticks and ids as upper-case text (what EF writes).
            await CheckAsync(WorkflowDbContextFactories.Sqlite(connection), DateTimeOffset.UtcNow.UtcTicks, id => id.ToString().ToUpperInvariant());
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Tasks_opened_before_the_migration_are_in_the_queue_after_it_on_postgres()
    {
        var connection = await PostgresServer.CreateDatabaseAsync("approvalhub_queue_migration", TestContext.Current.CancellationToken);
        try
        {
            await CheckAsync(WorkflowDbContextFactories.Postgres(connection), DateTimeOffset.UtcNow, id => id);
        }
        finally
        {
            await PostgresServer.DropDatabaseAsync(connection);
        }
    }

    private static async Task CheckAsync(Func<WorkflowDbContext> contexts, object createdAt, Func<Guid, object> id)
    {
        var ct = TestContext.Current.CancellationToken;
        Guid claimable = Guid.NewGuid(), anyone = Guid.NewGuid(), assigned = Guid.NewGuid(), done = Guid.NewGuid();
        await using (var db = contexts())
        {
            var migrator = db.GetService<IMigrator>();
            var previous = db.Database.GetMigrations().Single(m => m.EndsWith("_" + Previous, StringComparison.Ordinal));
            await migrator.MigrateAsync(previous, ct);
            await db.Database.ExecuteSqlRawAsync(Tasks, [id(claimable), id(anyone), id(assigned), id(done), id(Guid.NewGuid()), createdAt], ct);
            await db.Database.MigrateAsync(ct);
        }

        await using (var db = contexts())
        {
            var candidates = await db.TaskCandidates.AsNoTracking().ToListAsync(ct);
            Assert.Equal(
                [(claimable, CandidateKind.User, "u1"), (claimable, CandidateKind.Group, "regulator.city"), (anyone, CandidateKind.Group, "*")],
                candidates.OrderBy(c => c.TaskId == anyone).ThenBy(c => c.Kind).Select(c => (c.TaskId, c.Kind, c.Value)));
            Assert.All(candidates.Where(c => c.TaskId == claimable), c => Assert.Equal(("330106001000", "p"), (c.RegionCode, c.ProcessKey)));
            var parties = await db.TaskParties.AsNoTracking().OrderBy(p => p.TaskId).Select(p => p.TaskId).ToListAsync(ct);
            Assert.Equal(new[] { claimable, assigned }.Order(), parties.Order());

            // The new list column reads as empty for old rows.
            Assert.All(await db.Tasks.AsNoTracking().ToListAsync(ct), t => Assert.Empty(t.PartyOrganisationIds));
        }
    }
}
