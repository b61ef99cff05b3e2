using System.Threading.Channels;

namespace ApprovalHub.Host.Cockpit;

/// <summary>Something saved that an input of the risk model depends on.</summary>
/// <param name="DeviceId">A device whose row or records changed.</param>
/// <param name="OrganisationId">A use unit whose people changed.</param>
/// <param name="PersonId">A person whose certificates changed (the employer is looked up).</param>
internal readonly record struct RiskChange(long? DeviceId = null, long? OrganisationId = null, long? PersonId = null);

/// <summary>
/// Committed registry changes waiting for the <see cref="RiskChangeWorker"/>. Unbounded: a change is
/// a few bytes, and dropping one would leave a score stale until the night.
/// </summary>
internal sealed class RiskChangeQueue
{
    private readonly Channel<RiskChange> _channel = Channel.CreateUnbounded<RiskChange>(new UnboundedChannelOptions { SingleReader = true });
    private int _pending;
    private TaskCompletionSource _idle = Idle();

    /// <summary>The reader side, for the worker.</summary>
    public ChannelReader<RiskChange> Reader => _channel.Reader;

    /// <summary>Queues committed changes.</summary>
    public void Enqueue(IEnumerable<RiskChange> changes)
    {
        foreach (var change in changes)
        {
            lock (_channel)
            {
                if (_pending++ == 0)
                {
                    _idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                }
            }

            _channel.Writer.TryWrite(change);
        }
    }

    /// <summary>Marks <paramref name="count"/> changes as processed (or given up).</summary>
    public void Done(int count)
    {
        lock (_channel)
        {
            _pending -= count;
            if (_pending == 0)
            {
                _idle.TrySetResult();
            }
        }
    }

    /// <summary>Completes when every queued change has been processed: for tests and an orderly shutdown.</summary>
    public Task WhenIdleAsync(CancellationToken cancellationToken)
    {
        lock (_channel)
        {
            return _idle.Task.WaitAsync(cancellationToken);
        }
    }

    private static TaskCompletionSource Idle()
    {
        var idle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        idle.SetResult();
        return idle;
    }
}
