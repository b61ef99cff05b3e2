using System.Runtime.ExceptionServices;
using System.Text.Json.Nodes;
using Jint;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// The engine's <see cref="IExpressionEvaluator"/>: JavaScript run by Jint in a sandbox with the
/// limits of <see cref="ExpressionLimits"/>. One instance serves the whole application and may be
/// called from any number of threads at once.
/// </summary>
/// <remarks>
/// <para>Texts are compiled once and cached. A side-effect-free expression — the shape of almost every
/// gateway condition — runs on a pooled engine whose globals are restored afterwards; anything that
/// could change the engine (calls, assignments, scripts) runs on a fresh engine that is then dropped,
/// so no evaluation can see another's variables or tamper with the built-ins it will use.</para>
/// <para>Variables are globals: an expression reads <c>approved</c> or
/// <c>execution.getVariable('approved')</c>. A variable named like a JavaScript built-in
/// (<c>Date</c>, <c>Math</c>, <c>undefined</c>) does not hide it; read such a variable with
/// <c>execution.getVariable</c>.</para>
/// </remarks>
public sealed class JintExpressionEvaluator : IExpressionEvaluator
{
    private const int ExpressionCacheCapacity = 4096;
    private const int ScriptCacheCapacity = 512;

    private readonly Options _options;
    private readonly IReadOnlySet<string> _globalNames;
    private readonly CompiledExpressionCache _expressions;
    private readonly CompiledExpressionCache _scripts;
    private readonly SandboxEnginePool _pool;

    /// <summary>An evaluator with <see cref="ExpressionLimits.Default"/>.</summary>
    public JintExpressionEvaluator()
        : this(ExpressionLimits.Default)
    {
    }

    /// <summary>An evaluator with the given limits.</summary>
    public JintExpressionEvaluator(ExpressionLimits limits)
    {
        ArgumentNullException.ThrowIfNull(limits);
        Limits = limits;
        _options = SandboxEngine.CreateOptions(limits);
        _globalNames = new SandboxEngine(_options, limits, new HashSet<string>(), reusable: false).GlobalNames();
        _expressions = new CompiledExpressionCache(ExpressionCacheCapacity, text => CompiledExpression.CompileExpression(text, limits, _globalNames));
        _scripts = new CompiledExpressionCache(ScriptCacheCapacity, text => CompiledExpression.CompileScript(text, limits, _globalNames));
        _pool = new SandboxEnginePool(() => CreateEngine(reusable: true), Math.Max(4, Environment.ProcessorCount * 2));
        if (Interlocked.Exchange(ref s_warmedUp, 1) == 0)
        {
            WarmUp();
        }
    }

    private static int s_warmedUp;

    /// <summary>
    /// Runs a script and an expression once per process under a generous clock, so Jint's code is
    /// compiled before the first real evaluation: otherwise that evaluation pays the JIT inside its
    /// 100 ms budget and, on a busy machine, can time out.
    /// </summary>
    private static void WarmUp()
    {
        var warm = new JintExpressionEvaluator(ExpressionLimits.Default with { Timeout = TimeSpan.FromSeconds(30) });
        var scope = new VariableScope([KeyValuePair.Create<string, System.Text.Json.Nodes.JsonNode?>("a", 1), KeyValuePair.Create<string, System.Text.Json.Nodes.JsonNode?>("b", "x")]);
        _ = warm.Evaluate("${a == 1 && ['x'].includes(b)}", scope);
        _ = warm.Evaluate("a > 0", scope);
        _ = warm.RunScript("execution.setVariable('c', a * 2); JSON.stringify({ v: a + 1 });", scope);
    }

    /// <summary>The limits every evaluation runs under.</summary>
    public ExpressionLimits Limits { get; }

    /// <inheritdoc/>
    public ExpressionResult Evaluate(string expression, IVariableScope variables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expression);
        ArgumentNullException.ThrowIfNull(variables);
        cancellationToken.ThrowIfCancellationRequested();

        var code = _expressions.Get(expression);
        if (code.SyntaxError is { } syntaxError)
        {
            return ExpressionResult.Failure(syntaxError);
        }

        var engine = code.IsSideEffectFree ? _pool.Rent() : CreateEngine(reusable: false);
        try
        {
            return ExpressionResult.Success(engine.Run(code, variables, assigned: null, cancellationToken));
        }
        catch (VariableScopeException ex)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException!);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ExpressionResult.Failure(ExpressionFailures.Translate(ex, expression, Limits));
        }
        finally
        {
            if (code.IsSideEffectFree)
            {
                _pool.Return(engine);
            }
        }
    }

    /// <inheritdoc/>
    public ScriptResult RunScript(string script, IVariableScope variables, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(variables);
        cancellationToken.ThrowIfCancellationRequested();

        var code = _scripts.Get(script);
        if (code.SyntaxError is { } syntaxError)
        {
            return ScriptResult.Failure(syntaxError);
        }

        var assigned = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        try
        {
            var value = CreateEngine(reusable: false).Run(code, variables, assigned, cancellationToken);
            return ScriptResult.Success(value, assigned);
        }
        catch (VariableScopeException ex)
        {
            ExceptionDispatchInfo.Throw(ex.InnerException!);
            throw;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return ScriptResult.Failure(ExpressionFailures.Translate(ex, script, Limits));
        }
    }

    private SandboxEngine CreateEngine(bool reusable) => new(_options, Limits, _globalNames, reusable);
}
