using System.Globalization;
using System.Text.Json.Nodes;
using Jint;
using Jint.Native;
using Jint.Runtime;
using Jint.Runtime.Descriptors;
using Jint.Runtime.Interop;

namespace ApprovalHub.Workflows.Expressions;

/// <summary>
/// One Jint engine configured as a sandbox, plus the state of the evaluation it is running: the
/// variables it reads and the variables a script sets. Engines are single-threaded; an instance is
/// used by one evaluation at a time (pooled, or created for one evaluation and dropped).
/// </summary>
internal sealed class SandboxEngine
{
    private readonly Engine _engine;
    private readonly ExpressionLimits _limits;
    private readonly IReadOnlySet<string> _globalNames;
    private readonly CallerCancellation _cancellation;
    private readonly GlobalSnapshot? _snapshot;
    private readonly Func<JsValue, string, string, JsValue> _serializer;
    private IVariableScope _scope = VariableScope.Empty;
    private Dictionary<string, JsonNode?>? _assigned;

    /// <param name="options">From <see cref="CreateOptions"/>; one instance is shared by every engine.</param>
    /// <param name="limits">The limits the options were built from.</param>
    /// <param name="globalNames">The built-in globals (from <see cref="GlobalNames"/>), which variables never replace.</param>
    /// <param name="reusable">Whether the engine goes back to a pool after each evaluation.</param>
    public SandboxEngine(Options options, ExpressionLimits limits, IReadOnlySet<string> globalNames, bool reusable)
    {
        _engine = new Engine(options);
        _limits = limits;
        _globalNames = globalNames;
        GuardedBuiltins.Install(_engine, limits);
        InstallExecution();
        _serializer = JsonBridge.CreateSerializer(_engine, limits);
        _cancellation = _engine.Constraints.Find<CallerCancellation>()
            ?? throw new InvalidOperationException("The options must come from SandboxEngine.CreateOptions.");
        IsReusable = reusable;
        if (reusable)
        {
            // Taken after set-up, so a restore returns exactly to the sandbox's own globals.
            _snapshot = _engine.Advanced.CaptureGlobalSnapshot();
        }
    }

    /// <summary>False once the engine must not serve another evaluation (not pooled, or stopped abnormally).</summary>
    public bool IsReusable { get; private set; }

    /// <summary>
    /// Jint options for the sandbox. No CLR interop (so no <c>System</c>, <c>importNamespace</c> or
    /// <c>clrHelper</c>), strict mode, no code built from strings (<c>eval</c>, <c>Function</c>), and
    /// every limit in <paramref name="limits"/>, and the globals <see cref="GuardedBuiltins"/> hides.
    /// Dates use Beijing time, as the business does.
    /// </summary>
    public static Options CreateOptions(ExpressionLimits limits)
    {
        var options = new Options
        {
            Strict = true,
            AgentCanSuspend = false, // Atomics.wait would block the engine's thread
            Culture = CultureInfo.InvariantCulture,
            TimeZone = ChinaTime,
        };
        options.Interop.Enabled = false;
        options.DisableStringCompilation();
        GuardedBuiltins.Hide(options);
        options.TimeoutInterval(limits.Timeout);
        options.RegexTimeoutInterval(limits.Timeout);
        options.LimitMemory(limits.MemoryBytes);
        options.MaxStatements(limits.MaxStatements);
        options.LimitRecursion(limits.MaxRecursion);
        options.MaxJsonParseDepth(limits.MaxJsonDepth);
        // Turns a native stack overflow, which would end the process, into a catchable RangeError.
        options.Constraints.StackOverflowGuard = true;
        // Factories, not instances: each engine needs its own (they hold per-run state).
        options.Constraint(() => new AllocationBackstop(limits.HostAllocationBytes));
        options.Constraint(() => new CallerCancellation());
        return options;
    }

    /// <summary>The names of the sandbox's global bindings (built-ins and <c>execution</c>).</summary>
    public IReadOnlySet<string> GlobalNames() =>
        _engine.Global.GetOwnPropertyKeys(Types.String).Select(key => key.ToString()).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Runs <paramref name="code"/> with <paramref name="scope"/>'s variables as globals. A non-null
    /// <paramref name="assigned"/> makes this a script run that collects <c>execution.setVariable</c> calls.
    /// </summary>
    public JsonNode? Run(CompiledExpression code, IVariableScope scope, Dictionary<string, JsonNode?>? assigned, CancellationToken cancellationToken)
    {
        _scope = scope;
        _assigned = assigned;
        _cancellation.Token = cancellationToken;
        var healthy = false;
        try
        {
            foreach (var name in code.FreeVariables)
            {
                if (Lookup(name, out var node))
                {
                    _engine.SetValue(name, JsonBridge.ToJs(_engine, node, _limits.MaxJsonDepth, name));
                }
            }

            var value = _engine.Evaluate(code.Program);
            var result = JsonBridge.ToJson(_limits, value, "the result", _serializer);
            healthy = true;
            return result;
        }
        catch (JavaScriptException)
        {
            // An error the code threw unwinds normally; the engine is as good as before.
            healthy = true;
            throw;
        }
        finally
        {
            _scope = VariableScope.Empty;
            _assigned = null;
            _cancellation.Token = default;
            if (!healthy)
            {
                // Stopped mid-flight by a limit or a fault: do not trust its state with another evaluation.
                IsReusable = false;
            }
            else if (_snapshot is not null)
            {
                _engine.Advanced.RestoreGlobalSnapshot(_snapshot);
            }
        }
    }

    private void InstallExecution()
    {
        var execution = new JsObject(_engine);
        Define(execution, "getVariable", new ClrFunction(_engine, "getVariable", GetVariable, 1));
        Define(execution, "setVariable", new ClrFunction(_engine, "setVariable", SetVariable, 2));
        execution.PreventExtensions();
        Define(_engine.Global, "execution", execution);
    }

    private static void Define(Jint.Native.Object.ObjectInstance target, string name, JsValue value) =>
        target.DefineOwnProperty(name, new PropertyDescriptor(value, writable: false, enumerable: true, configurable: false));

    // execution.getVariable(name): a value this script set, else the scope's, else undefined.
    private JsValue GetVariable(JsValue thisObject, JsValue[] arguments)
    {
        var name = VariableName(arguments, "getVariable");
        if (_assigned is not null && _assigned.TryGetValue(name, out var assigned))
        {
            return JsonBridge.ToJs(_engine, assigned, _limits.MaxJsonDepth, name);
        }

        return Lookup(name, out var node) ? JsonBridge.ToJs(_engine, node, _limits.MaxJsonDepth, name) : JsValue.Undefined;
    }

    private bool Lookup(string name, out JsonNode? value)
    {
        try
        {
            return _scope.TryGet(name, out value);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new VariableScopeException(ex);
        }
    }

    // execution.setVariable(name, value): only in scripts; the value is stored as JSON at once, so
    // later changes to the object in the script are not stored unless set again.
    private JsValue SetVariable(JsValue thisObject, JsValue[] arguments)
    {
        if (_assigned is null)
        {
            throw new SandboxViolationException(ExpressionErrorKind.Forbidden,
                "execution.setVariable can only be used in a script task; an expression only reads variables.");
        }

        var name = VariableName(arguments, "setVariable");
        var value = JsonBridge.ToJson(_limits, arguments.Length > 1 ? arguments[1] : JsValue.Undefined, $"the value for '{name}'", _serializer);
        _assigned[name] = value;
        if (!_globalNames.Contains(name))
        {
            // Reading the variable by name afterwards sees the new value, as the script's author expects.
            _engine.SetValue(name, JsonBridge.ToJs(_engine, value, _limits.MaxJsonDepth, name));
        }

        return JsValue.Undefined;
    }

    private string VariableName(JsValue[] arguments, string function)
    {
        if (arguments.Length == 0 || arguments[0] is not JsString name || name.Length == 0)
        {
            throw new JavaScriptException(_engine.Intrinsics.TypeError, $"execution.{function} needs a variable name (a non-empty string) first.");
        }

        return name.ToString();
    }

    private static readonly TimeZoneInfo ChinaTime = FindChinaTime();

    private static TimeZoneInfo FindChinaTime()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (TimeZoneNotFoundException)
        {
            // No time-zone database (a minimal container): China has had no daylight saving since 1991.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
