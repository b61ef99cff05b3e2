using System.Collections.Concurrent;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// Compiled expressions by text, bounded. Deployed definitions hold a few hundred distinct texts, so
/// the cap is only ever reached when something generates expressions on the fly; the cache is then
/// simply emptied — an eviction policy would not help a workload that never repeats a text.
/// </summary>
internal sealed class CompiledExpressionCache(int capacity, Func<string, CompiledExpression> compile)
{
    private readonly ConcurrentDictionary<string, CompiledExpression> _entries = new(StringComparer.Ordinal);

    public CompiledExpression Get(string text)
    {
        if (_entries.TryGetValue(text, out var compiled))
        {
            return compiled;
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        // Two threads may compile the same text at once; both results are equivalent, one is kept.
        return _entries.GetOrAdd(text, compile);
    }
}
