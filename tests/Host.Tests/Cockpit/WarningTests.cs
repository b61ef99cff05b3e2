using System.Net;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Support;
using ApprovalHub.Supervision.Records;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Cockpit;

/// <summary>
/// Warnings against the demo province: one open warning and one case per cause, the database's
/// unique index as the last word on duplicates, closure with a record when the cause is gone, a new
/// case when the old one ended too early, and a rule switched off. Both stores.
/// </summary>
public abstract class WarningTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private IWorkflowQueries Queries => database.Factory.Services.GetRequiredService<IWorkflowQueries>();

    [Fact]
    public async Task The_scheduled_run_opens_one_warning_per_cause_each_with_its_case_and_a_second_run_opens_nothing()
    {
        await database.Recalculator().RecomputeAllAsync("nightly", Cancellation);
        var open = await OpenWarningsAsync();

        Assert.NotEmpty(open);
        Assert.Equal(open.Count, open.Select(w => (w.Rule, w.SubjectId)).Distinct().Count());
        Assert.Contains(open, w => w.Rule == WarningRule.InspectionOverdue);
        foreach (var warning in open)
        {
            var instance = await Queries.GetInstanceAsync(warning.CaseInstanceId!.Value, Cancellation);
            Assert.Equal(WarningRules.Get(warning.Rule).ProcessKey, instance!.ProcessKey);
            Assert.Equal(warning.SubjectCode, instance.BusinessKey);
            Assert.Equal(warning.Id, (long)instance.Scopes[0].Variables["warningId"]!);
            Assert.Equal(warning.RegionCode, (string)instance.Scopes[0].Variables["regionCode"]!);
            Assert.Equal([WarningEventKind.Opened, WarningEventKind.CaseOpened], warning.Events.OrderBy(e => e.Id).Select(e => e.Kind).Take(2));
        }

        var again = await database.Recalculator().RecomputeAllAsync("nightly", Cancellation);
        Assert.Equal((0, 0, 0), (again.WarningsOpened, again.WarningsClosed, again.CasesOpened));
        Assert.Equal(open.Select(w => (w.Id, w.CaseInstanceId)), (await OpenWarningsAsync()).Select(w => (w.Id, w.CaseInstanceId)));
        await database.AssertFiguresAddUpAsync(Cancellation);
    }

    [Fact]
    public async Task An_expired_certificate_at_a_unit_that_needs_the_item_opens_a_supervision_case_about_the_unit()
    {
        var today = database.Factory.Services.GetRequiredService<TimeProvider>().Today();
        var unit = await database.WithAsync((_, cockpit) => cockpit.OrganisationRisks.AsNoTracking()
            .Where(o => o.GapItems != null && o.GapItems.Contains("A") && o.LapsingItems == null).OrderBy(o => o.OrganisationId).FirstAsync(Cancellation));
        await database.ChangeRegistryAsync(async registry =>
        {
            var person = new Supervision.People.Person
            {
                Name = "过期持证人", IdNumberMasked = "330106********0022", IdNumberFingerprint = $"warning-test-{unit.OrganisationId}",
                OrganisationId = unit.OrganisationId, RegionCode = unit.RegionCode,
            };
            registry.People.Add(person);
            await registry.SaveChangesAsync(Cancellation);
            registry.OperatorCertificates.Add(new Supervision.People.OperatorCertificate
            {
                PersonId = person.Id, ItemCode = "A", Number = $"ZW{unit.OrganisationId}", IssuedOn = today.AddYears(-4), ExpiresOn = today.AddDays(-2),
            });
        }, Cancellation);

        await database.Recalculator().RecomputeAllAsync("nightly", Cancellation);

        var warning = (await OpenWarningsAsync()).Single(w => w.Rule == WarningRule.OperatorCertificate && w.SubjectId == unit.OrganisationId);
        var creditCode = await database.WithAsync((registry, _) => registry.Organisations.Where(o => o.Id == unit.OrganisationId).Select(o => o.CreditCode).SingleAsync(Cancellation));
        Assert.Equal((WarningSubject.Organisation, creditCode, unit.OrganisationId), (warning.Subject, warning.SubjectCode, warning.OrganisationId));
        Assert.Contains("A 特种设备安全管理", warning.Detail, StringComparison.Ordinal);
        var instance = await Queries.GetInstanceAsync(warning.CaseInstanceId!.Value, Cancellation);
        Assert.Equal((WarningRules.SupervisionCheck, creditCode), (instance!.ProcessKey, instance.BusinessKey));
        Assert.Equal(unit.OrganisationId, (long)instance.Scopes[0].Variables["targets"]!.AsArray().Single()!["organisationId"]!);
    }

    [Fact]
    public async Task The_database_refuses_a_second_open_warning_for_the_same_rule_and_subject()
    {
        await database.Recalculator().RecomputeAllAsync("nightly", Cancellation);
        var existing = (await OpenWarningsAsync()).First();
        Warning Copy(DateTimeOffset? closedAt) => new()
        {
            Rule = existing.Rule, Subject = existing.Subject, SubjectId = existing.SubjectId, SubjectCode = existing.SubjectCode,
            RegionCode = existing.RegionCode, OrganisationId = existing.OrganisationId, Detail = "重复", OpenedAt = existing.OpenedAt,
            UpdatedAt = existing.OpenedAt, ClosedAt = closedAt, CloseReason = closedAt is null ? null : "测试",
        };

        await database.WithAsync(async (_, cockpit) =>
        {
            cockpit.Warnings.Add(Copy(null));
            await Assert.ThrowsAsync<DbUpdateException>(() => cockpit.SaveChangesAsync(Cancellation));
            cockpit.ChangeTracker.Clear();

            // Closed warnings of the same subject are history: as many as there were.
            cockpit.Warnings.Add(Copy(existing.OpenedAt.AddDays(1)));
            return await cockpit.SaveChangesAsync(Cancellation);
        });
    }

    [Fact]
    public async Task A_warning_closes_with_its_record_when_the_cause_is_gone_and_its_case_is_told()
    {
        var today = database.Factory.Services.GetRequiredService<TimeProvider>().Today();
        await database.Recalculator().RecomputeAllAsync("nightly", Cancellation);
        var warning = (await OpenWarningsAsync()).First(w => w.Rule == WarningRule.InspectionOverdue);
        var county = warning.RegionCode[..6];
        var before = await database.WithAsync((_, cockpit) => cockpit.RegionFigures.AsNoTracking().SingleAsync(f => f.RegionCode == county, Cancellation));

        // The inspection body reports a pass: the validity moves a year on.
        await database.ChangeRegistryAsync(async registry =>
        {
            var device = await registry.Devices.SingleAsync(d => d.Id == warning.SubjectId, Cancellation);
            device.LastInspectedOn = today;
            device.InspectionValidUntil = today.AddYears(1);
            registry.Inspections.Add(new InspectionRecord { DeviceId = device.Id, InspectedOn = today, Result = Supervision.Inspections.InspectionResult.Pass, ValidUntil = today.AddYears(1) });
        }, Cancellation);

        var closed = await database.WithAsync((_, cockpit) => cockpit.Warnings.AsNoTracking().Include(w => w.Events).SingleAsync(w => w.Id == warning.Id, Cancellation));
        Assert.NotNull(closed.ClosedAt);
        Assert.Equal("已完成检验，检验有效期已更新", closed.CloseReason);
        Assert.Equal(WarningEventKind.Closed, closed.Events.OrderBy(e => e.Id).Last().Kind);
        var instance = await Queries.GetInstanceAsync(warning.CaseInstanceId!.Value, Cancellation);
        Assert.True((bool)instance!.Scopes[0].Variables["warningCleared"]!);
        var after = await database.WithAsync((_, cockpit) => cockpit.RegionFigures.AsNoTracking().SingleAsync(f => f.RegionCode == county, Cancellation));
        Assert.Equal(before.WarningsInspectionOverdue - 1, after.WarningsInspectionOverdue);
        Assert.Equal(before.Overdue - 1, after.Overdue);
        await database.AssertFiguresAddUpAsync(Cancellation);
    }

    [Fact]
    public async Task A_case_that_ended_while_its_cause_persists_is_replaced_by_a_new_one()
    {
        await database.Recalculator().RecomputeAllAsync("nightly", Cancellation);
        var warning = (await OpenWarningsAsync()).First(w => w.Rule == WarningRule.InspectionDue || w.Rule == WarningRule.OperatorCertificate);
        await database.Factory.Services.GetRequiredService<WorkflowEngine>().CancelAsync(warning.CaseInstanceId!.Value, "test", "结案过早", Cancellation);

        var run = await database.Recalculator().RecomputeAllAsync("nightly", Cancellation);

        var reopened = await database.WithAsync((_, cockpit) => cockpit.Warnings.AsNoTracking().Include(w => w.Events).SingleAsync(w => w.Id == warning.Id, Cancellation));
        Assert.True(run.CasesOpened >= 1);
        Assert.NotEqual(warning.CaseInstanceId, reopened.CaseInstanceId);
        Assert.Equal(WarningEventKind.CaseReopened, reopened.Events.OrderBy(e => e.Id).Last().Kind);
        Assert.Equal(InstanceStatus.Active, (await Queries.GetInstanceAsync(reopened.CaseInstanceId!.Value, Cancellation))!.Status);
    }

    [Fact]
    public async Task A_rule_switched_off_in_configuration_closes_its_warnings()
    {
        await database.Recalculator().RecomputeAllAsync("nightly", Cancellation);
        var due = (await OpenWarningsAsync()).Where(w => w.Rule == WarningRule.InspectionDue).Select(w => w.Id).ToList();
        Assert.NotEmpty(due);

        var settings = database.Settings();
        settings["Warnings:DisabledRules:0"] = "inspection-due";
        settings["Jobs:Enabled"] = "false";
        await using (var other = new ApprovalHubFactory(settings))
        {
            await other.Services.GetRequiredService<RiskRecalculator>().RecomputeAllAsync("nightly", Cancellation);
        }

        var closed = await database.WithAsync((_, cockpit) => cockpit.Warnings.AsNoTracking().Where(w => due.Contains(w.Id)).ToListAsync(Cancellation));
        Assert.All(closed, w => Assert.Equal("预警规则已停用", w.CloseReason));
        await database.AssertFiguresAddUpAsync(Cancellation);

        // Switched on again, the next run opens them anew.
        var run = await database.Recalculator().RecomputeAllAsync("nightly", Cancellation);
        Assert.True(run.WarningsOpened >= due.Count);
    }

    [Fact]
    public async Task Only_analysts_and_administrators_recompute_on_demand()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await database.Factory.CreateClientFor("demo.province").PostAsync("/api/cockpit/recompute", null, Cancellation)).StatusCode);

        using var response = await database.Factory.CreateClientFor(SignedInClients.Analyst).PostAsync("/api/cockpit/recompute", null, Cancellation);
        var run = await response.ReadAsync<Supervision.Cockpit.RecomputeRun>(Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("manual", (string?)null), (run.Trigger, run.Error));
        Assert.NotNull(run.FinishedAt);
        Assert.True(run.Devices > 0);
    }

    private Task<List<Warning>> OpenWarningsAsync() =>
        database.WithAsync((_, cockpit) => cockpit.Warnings.AsNoTracking().Include(w => w.Events).Where(w => w.ClosedAt == null).OrderBy(w => w.Id).ToListAsync(Cancellation));
}

public sealed class SqliteWarningTests(SqliteDatabase database)
    : WarningTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresWarningTests(PostgresDatabase database)
    : WarningTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
