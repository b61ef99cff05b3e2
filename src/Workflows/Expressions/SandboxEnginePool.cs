using System.Collections.Concurrent;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// Idle engines for side-effect-free expressions. Evaluating on a fresh engine costs several times more
/// than on a warm one (measured on a 2-core machine: about 10 µs against 1.5–2.5 µs for
/// <c>${approved == true}</c>), and conditions are the hot path of the engine. The pool keeps at most <paramref name="capacity"/> idle engines; under
/// a burst it creates more and lets the surplus go.
/// </summary>
internal sealed class SandboxEnginePool(Func<SandboxEngine> create, int capacity)
{
    private readonly ConcurrentBag<SandboxEngine> _idle = [];
    private int _idleCount;

    public SandboxEngine Rent()
    {
        if (_idle.TryTake(out var engine))
        {
            Interlocked.Decrement(ref _idleCount);
            return engine;
        }

        return create();
    }

    public void Return(SandboxEngine engine)
    {
        if (!engine.IsReusable)
        {
            return;
        }

        if (Interlocked.Increment(ref _idleCount) > capacity)
        {
            Interlocked.Decrement(ref _idleCount);
            return;
        }

        _idle.Add(engine);
    }
}
