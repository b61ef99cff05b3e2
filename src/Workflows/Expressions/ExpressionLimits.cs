namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// What one evaluation may consume. The defaults suit business rules, which read a few variables and
/// compare them; anything near a limit is almost certainly a mistake (an endless loop) or an attack.
/// </summary>
public sealed record ExpressionLimits
{
    /// <summary>The limits the engine uses unless configured otherwise.</summary>
    public static ExpressionLimits Default { get; } = new();

    /// <summary>Wall-clock time for one evaluation, regular expressions included. Default 100 ms.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Memory the JavaScript may allocate, as Jint accounts it. Default 4 MB.</summary>
    public long MemoryBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// A coarser second line behind <see cref="MemoryBytes"/>: everything the evaluating thread
    /// allocates, measured by the .NET runtime. Jint does not charge every built-in function's
    /// allocations to its own account; this stops a loop over such functions. Default 64 MB.
    /// </summary>
    public long HostAllocationBytes { get; init; } = 64 * 1024 * 1024;

    /// <summary>Statements one evaluation may execute. Default 10,000.</summary>
    public int MaxStatements { get; init; } = 10_000;

    /// <summary>How deeply functions may call each other. Default 64.</summary>
    public int MaxRecursion { get; init; } = 64;

    /// <summary>The largest value an evaluation may return or store, as UTF-8 JSON. Default 1 MB.</summary>
    public int MaxResultBytes { get; init; } = 1024 * 1024;

    /// <summary>How deeply JSON values (variables, results) may nest. Default 64, as System.Text.Json reads.</summary>
    public int MaxJsonDepth { get; init; } = 64;

    /// <summary>The longest expression text accepted. Default 10,000 characters.</summary>
    public int MaxExpressionLength { get; init; } = 10_000;

    /// <summary>The longest script text accepted. Default 100,000 characters.</summary>
    public int MaxScriptLength { get; init; } = 100_000;
}
