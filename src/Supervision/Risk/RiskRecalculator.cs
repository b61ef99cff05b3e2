using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Cockpit.Persistence;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Warnings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Risk;

/// <summary>
/// The recompute: set-based statements (<see cref="RiskStatements"/>) for the use units and devices,
/// the warning reconciliation, and the region figures — everything or a few ids at a time, under
/// <see cref="CockpitLock"/> and in one transaction, so the figures always equal the sums of the
/// committed rows. Cases are opened afterwards, outside the lock.
/// </summary>
public sealed class RiskRecalculator(
    Func<CockpitDbContext> contexts,
    RiskOptions risk,
    WarningOptions warnings,
    IWarningCases cases,
    TimeProvider time,
    ILogger<RiskRecalculator> logger) : IRiskRecalculator
{
    private const int Chunk = 1000;

    private readonly WarningEvaluator _evaluator = new(risk, warnings);

    /// <inheritdoc />
    public Task DeviceChangedAsync(long deviceId, CancellationToken cancellationToken) => DevicesChangedAsync([deviceId], cancellationToken);

    /// <inheritdoc />
    public Task DevicesChangedAsync(IReadOnlyCollection<long> deviceIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deviceIds);
        return deviceIds.Count == 0 ? Task.CompletedTask : ApplyChangesAsync(deviceIds, [], cancellationToken);
    }

    /// <inheritdoc />
    public Task OrganisationsChangedAsync(IReadOnlyCollection<long> organisationIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(organisationIds);
        return organisationIds.Count == 0 ? Task.CompletedTask : ApplyChangesAsync([], organisationIds, cancellationToken);
    }

    /// <inheritdoc />
    public async Task PeopleChangedAsync(IReadOnlyCollection<long> personIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(personIds);
        if (personIds.Count == 0)
        {
            return;
        }

        Dictionary<long, long> employers;
        await using (var db = contexts())
        {
            employers = await RegistryLookups.EmployersAsync(db, personIds, cancellationToken);
        }

        await OrganisationsChangedAsync(employers.Values.Distinct().ToList(), cancellationToken);
    }

    /// <inheritdoc />
    public Task<RecomputeRun> RecomputeAllAsync(string trigger, CancellationToken cancellationToken) => RecomputeAllAsync(trigger, openCases: true, cancellationToken);

    /// <summary>
    /// The full recompute; with <paramref name="openCases"/> false, warnings are recorded but their
    /// cases wait for the next run (the first start, where nobody has deployed or staffed anything yet).
    /// </summary>
    public async Task<RecomputeRun> RecomputeAllAsync(string trigger, bool openCases, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(trigger);
        var today = time.Today();
        var run = new RecomputeRun { Trigger = trigger, StartedAt = time.GetUtcNow(), AsOf = today };
        await using var db = contexts();
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);

        var stages = new List<string>();
        var clock = Stopwatch.StartNew();
        void Stage(string name)
        {
            stages.Add(string.Create(CultureInfo.InvariantCulture, $"{name}={clock.ElapsedMilliseconds}"));
            clock.Restart();
        }

        try
        {
            var statements = new RiskStatements(db.Dialect, risk, warnings, today);
            WarningChanges changes;
            await using (await CockpitLock.AcquireAsync(db, cancellationToken))
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                await ExecuteAsync(db, c => statements.OrganisationUpsert(c, null), cancellationToken);
                await ExecuteAsync(db, c => RiskStatements.OrganisationCleanup(c, null), cancellationToken);
                Stage("organisations");
                run.DevicesChanged = await ExecuteAsync(db, c => statements.DeviceUpsert(c, null), cancellationToken);
                run.DevicesChanged += await ExecuteAsync(db, c => RiskStatements.DeviceCleanup(c, null), cancellationToken);
                Stage("devices");

                // The warnings first, then the figures rebuilt from the rows: the rebuild counts them.
                changes = warnings.Enabled || await db.Warnings.AnyAsync(w => w.ClosedAt == null, cancellationToken)
                    ? await new WarningReconciler(db, _evaluator, warnings, risk, time).ReconcileAsync(WarningScope.Everything, mayOpen: true, [], cancellationToken)
                    : new WarningChanges();
                Stage("warnings");
                await RegionFigureStore.RebuildAsync(db, cancellationToken);
                Stage("figures");
                await RegionMonthStore.RefreshAsync(db, today, cancellationToken);
                Stage("trends");
                run.Devices = await db.DeviceRisks.LongCountAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            await NotifyAsync(changes, cancellationToken);
            run.CasesOpened = warnings.Enabled && openCases
                ? await new WarningReconciler(db, _evaluator, warnings, risk, time).OpenCasesAsync(cases, warnings.MaxNewCasesPerRun, cancellationToken)
                : 0;
            Stage("cases");
            var pending = await db.Warnings.CountAsync(w => w.ClosedAt == null && w.CaseInstanceId == null, cancellationToken);
            if (pending > 0 && run.CasesOpened >= warnings.MaxNewCasesPerRun)
            {
                logger.CasesPending(pending, warnings.MaxNewCasesPerRun);
            }

            run.WarningsOpened = changes.Opened;
            run.WarningsClosed = changes.Closed;
            run.Stages = string.Join(' ', stages);
            run.FinishedAt = time.GetUtcNow();
            db.ChangeTracker.Clear();
            db.Runs.Update(run);
            await db.SaveChangesAsync(cancellationToken);
            logger.RecomputeFinished(trigger, today, run.Devices, run.DevicesChanged, run.WarningsOpened, run.WarningsClosed, run.CasesOpened,
                (long)(run.FinishedAt.Value - run.StartedAt).TotalMilliseconds, run.Stages);
            return run;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.RecomputeFailed(trigger, ex);
            db.ChangeTracker.Clear();
            run.Error = ex.Message.Length > 2000 ? ex.Message[..2000] : ex.Message;
            run.Stages = string.Join(' ', stages);
            db.Runs.Update(run);
            await db.SaveChangesAsync(CancellationToken.None);
            throw;
        }
    }

    private async Task ApplyChangesAsync(IReadOnlyCollection<long> deviceIds, IReadOnlyCollection<long> organisationIds, CancellationToken cancellationToken)
    {
        await using var db = contexts();
        var statements = new RiskStatements(db.Dialect, risk, warnings, time.Today());
        WarningChanges changes;
        int deviceCount, organisationCount;
        await using (await CockpitLock.AcquireAsync(db, cancellationToken))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // The units involved: the devices' units now and before (a transfer moves a device between two).
            var devices = deviceIds.ToHashSet();
            var organisations = organisationIds.ToHashSet();
            organisations.UnionWith((await RegistryLookups.UserOrganisationsAsync(db, devices, cancellationToken)).Values);
            organisations.UnionWith(await Rows(db.DeviceRisks, devices, r => r.DeviceId, r => r.UserOrganisationId, cancellationToken));

            var unitsBefore = await Rows(db.OrganisationRisks, organisations, o => o.OrganisationId, o => o, cancellationToken);
            foreach (var chunk in organisations.Chunk(Chunk))
            {
                await ExecuteAsync(db, c => statements.OrganisationUpsert(c, chunk), cancellationToken);
                await ExecuteAsync(db, c => RiskStatements.OrganisationCleanup(c, chunk), cancellationToken);
            }

            var unitsAfter = await Rows(db.OrganisationRisks, organisations, o => o.OrganisationId, o => o, cancellationToken);
            var movedUnits = organisations.Where(id => Moved(unitsBefore.FirstOrDefault(o => o.OrganisationId == id), unitsAfter.FirstOrDefault(o => o.OrganisationId == id))).ToList();

            // A unit's record feeds every one of its devices' scores.
            devices.UnionWith(await RegistryLookups.DevicesOfAsync(db, movedUnits, cancellationToken));
            foreach (var chunk in movedUnits.Chunk(Chunk))
            {
                devices.UnionWith(await db.DeviceRisks.Where(r => chunk.Contains(r.UserOrganisationId)).Select(r => r.DeviceId).ToListAsync(cancellationToken));
            }

            var before = await Rows(db.DeviceRisks, devices, r => r.DeviceId, r => r, cancellationToken);
            foreach (var chunk in devices.Chunk(Chunk))
            {
                await ExecuteAsync(db, c => statements.DeviceUpsert(c, chunk), cancellationToken);
                await ExecuteAsync(db, c => RiskStatements.DeviceCleanup(c, chunk), cancellationToken);
            }

            var after = await Rows(db.DeviceRisks, devices, r => r.DeviceId, r => r, cancellationToken);
            var deltas = RegionFigureStore.Difference(before, after);

            // Event-driven runs update and close warnings; opening (and its cases) is the scheduled run's.
            changes = await new WarningReconciler(db, _evaluator, warnings, risk, time)
                .ReconcileAsync(new WarningScope(devices, organisations), mayOpen: false, deltas, cancellationToken);
            await RegionFigureStore.ApplyAsync(db, deltas, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            deviceCount = devices.Count;
            organisationCount = organisations.Count;
        }

        await NotifyAsync(changes, cancellationToken);
        logger.IncrementalApplied(deviceCount, organisationCount, changes.Updated, changes.Closed);
    }

    private async Task NotifyAsync(WarningChanges changes, CancellationToken cancellationToken)
    {
        foreach (var (instance, variables) in changes.Notifications)
        {
            try
            {
                await cases.NotifyAsync(instance, variables, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The warning's record is committed; a case that misses a note is told nothing more.
                logger.CaseNotificationFailed(instance, ex);
            }
        }
    }

    private static bool Moved(OrganisationRisk? before, OrganisationRisk? after) =>
        before is null || after is null
        || before.DevicesInUse != after.DevicesInUse || before.DevicesOverdue != after.DevicesOverdue || before.CertificateGaps != after.CertificateGaps;

    private static async Task<List<TResult>> Rows<TRow, TResult>(
        IQueryable<TRow> table, IReadOnlyCollection<long> ids, System.Linq.Expressions.Expression<Func<TRow, long>> key, Func<TRow, TResult> select,
        CancellationToken cancellationToken)
        where TRow : class
    {
        var result = new List<TResult>();
        foreach (var chunk in ids.Chunk(Chunk))
        {
            var parameter = key.Parameters[0];
            var contains = System.Linq.Expressions.Expression.Call(
                typeof(Enumerable), nameof(Enumerable.Contains), [typeof(long)], System.Linq.Expressions.Expression.Constant(chunk), key.Body);
            var filter = System.Linq.Expressions.Expression.Lambda<Func<TRow, bool>>(contains, parameter);
            result.AddRange((await table.AsNoTracking().Where(filter).ToListAsync(cancellationToken)).Select(select));
        }

        return result;
    }

    private static async Task<int> ExecuteAsync(CockpitDbContext db, Action<DbCommand> build, CancellationToken cancellationToken)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandTimeout = db.Database.GetCommandTimeout() ?? 600;
        build(command);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
