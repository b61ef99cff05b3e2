namespace ApprovalHub.Workflows.Timers;

/// <summary>
/// A clock that only moves when told to: the <c>bpmn run</c> CLI's <c>advance</c> steps and
/// simulations run weeks of timers in milliseconds with it.
/// </summary>
public sealed class VirtualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => _now;

    /// <summary>Moves the clock forward (never back).</summary>
    public void MoveTo(DateTimeOffset instant)
    {
        if (instant > _now)
        {
            _now = instant;
        }
    }
}
