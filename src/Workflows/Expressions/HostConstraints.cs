using Jint;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// Stops an evaluation once the evaluating thread has allocated more than a budget, as the .NET runtime
/// counts it. Jint's own memory limit charges what the JavaScript allocates, but not every built-in
/// charges what it builds (<c>encodeURIComponent</c> or <c>toUpperCase</c> over a large input, say);
/// this catches a loop over such calls before it exhausts the server.
/// </summary>
internal sealed class AllocationBackstop(long maxBytes) : Constraint
{
    private long _start;

    // Not amortized, like Jint's own memory limit: allocation between two checks is unbounded.
    public override bool IsAmortizable => false;

    public override void Check()
    {
        if (GC.GetAllocatedBytesForCurrentThread() - _start > maxBytes)
        {
            throw new SandboxViolationException(
                ExpressionErrorKind.MemoryLimit, $"It allocated more than {maxBytes / (1024 * 1024)} MB and was stopped.");
        }
    }

    // Jint resets constraints on entry to every evaluation (and on exit), which is when the count starts.
    public override void Reset() => _start = GC.GetAllocatedBytesForCurrentThread();
}

/// <summary>
/// The caller's cancellation token, checked as the code runs. Jint's own cancellation constraint takes
/// its token when the engine is built; pooled engines serve many callers, so the token is set per run.
/// </summary>
internal sealed class CallerCancellation : Constraint
{
    public CancellationToken Token { get; set; }

    // A token is only read, and never un-cancels: checking every few statements only delays noticing.
    public override bool IsAmortizable => true;

    public override void Check() => Token.ThrowIfCancellationRequested();

    public override void Reset()
    {
    }
}
