using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Workflows.Runtime.Services;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Supervision.Handlers.Effects;

/// <summary>
/// The base of every registry handler: runs <see cref="ApplyAsync"/> and stores its outputs as a
/// <see cref="HandlerEffect"/> in the same transaction, so each run of a service task changes the
/// registry once, however often the engine calls it.
/// </summary>
/// <remarks>
/// <para>
/// The engine's <see cref="ServiceTaskContext.IdempotencyKey"/> (instance:element:attempt) is the
/// same for every run of an element in one instance: a reminder that fires three times, or the
/// next inspection cycle of step 2, reaches the same element with attempt 1 again. So the effect is
/// keyed by instance, element and <em>run</em>, where the run counts the completed runs of the
/// element in the variable <see cref="RunsVariable"/>. That variable is part of the instance state
/// the engine commits: a call repeated before the engine committed (a crash, a lost race) sees the
/// same count and finds the stored effect; a later run sees the count moved on. Two runs that read
/// the same count concurrently cannot both commit: the engine's optimistic concurrency makes one of
/// them run again, with the count the other committed.
/// </para>
/// <para>
/// A retry after a failure (attempt 2 …) of the same run also finds an effect that was committed
/// before the failure, so a handler that failed after its commit does not act twice either.
/// </para>
/// </remarks>
public abstract class RegistryHandler(RegistryDbContext db, TimeProvider timeProvider, ILogger logger) : IServiceTaskHandler
{
    /// <summary>The instance variable that counts completed runs per element: <c>{"Task_remind": 2}</c>.</summary>
    public const string RunsVariable = "serviceTaskRuns";

    /// <summary>The registry.</summary>
    protected RegistryDbContext Db { get; } = db;

    /// <summary>The clock.</summary>
    protected TimeProvider Time { get; } = timeProvider;

    /// <inheritdoc />
    public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var runs = context.GetVariable(RunsVariable) as JsonObject;
        var run = (runs?[context.ElementId] is JsonValue last && last.TryGetValue(out int done) ? done : 0) + 1;

        var outputs = await StoredOutputsAsync(context, run, cancellationToken);
        if (outputs is null)
        {
            outputs = await ApplyOnceAsync(context, run, cancellationToken);
        }
        else
        {
            logger.EffectReplayed(context.HandlerType, context.ElementId, run, context.InstanceId, context.IdempotencyKey);
        }

        foreach (var (name, value) in (JsonObject)JsonNode.Parse(outputs)!)
        {
            context.SetVariable(name, value?.DeepClone());
        }

        var counted = runs?.DeepClone().AsObject() ?? [];
        counted[context.ElementId] = run;
        context.SetVariable(RunsVariable, counted);
    }

    /// <summary>Does the work of one run inside the open transaction; sets outputs on <paramref name="call"/>.</summary>
    protected abstract Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken);

    private Task<string?> StoredOutputsAsync(ServiceTaskContext context, int run, CancellationToken cancellationToken) =>
        Db.HandlerEffects.AsNoTracking()
            .Where(e => e.InstanceId == context.InstanceId && e.ElementId == context.ElementId && e.Run == run)
            .Select(e => e.Outputs)
            .FirstOrDefaultAsync(cancellationToken);

    private async Task<string> ApplyOnceAsync(ServiceTaskContext context, int run, CancellationToken cancellationToken)
    {
        var call = new HandlerCall(context, run);
        try
        {
            await using var transaction = await Db.Database.BeginTransactionAsync(cancellationToken);
            await ApplyAsync(call, cancellationToken);
            Db.HandlerEffects.Add(new HandlerEffect
            {
                InstanceId = context.InstanceId,
                ElementId = context.ElementId,
                Run = run,
                HandlerType = context.HandlerType,
                IdempotencyKey = context.IdempotencyKey,
                Outputs = call.OutputsJson(),
                CreatedAt = Time.GetUtcNow(),
            });
            try
            {
                await Db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                await transaction.RollbackAsync(CancellationToken.None);
                Db.ChangeTracker.Clear();

                // Another node did this run at the same moment and committed first: its effect
                // stands and ours rolled back. Anything else is a real failure.
                if (await StoredOutputsAsync(context, run, CancellationToken.None) is { } stored)
                {
                    logger.EffectRaced(context.HandlerType, context.ElementId, run, context.InstanceId);
                    return stored;
                }

                throw;
            }

            await transaction.CommitAsync(cancellationToken);
            return call.OutputsJson();
        }
        finally
        {
            Db.ChangeTracker.Clear();
        }
    }
}
