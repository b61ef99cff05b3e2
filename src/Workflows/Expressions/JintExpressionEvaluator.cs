using System.Text.Json.Nodes;
using Jint;

namespace ApprovalHub.Workflows.Expressions;

public sealed class JintExpressionEvaluator : IExpressionEvaluator
{
    public ExpressionResult Evaluate(string expression, IVariableScope variables)
    {
        try
        {
            var engine = Create(variables, null);
            var value = engine.Evaluate(ExpressionText.Unwrap(expression));
            return new ExpressionResult(true, ToNode(engine, value), null);
        }
        catch (Exception ex)
        {
            return new ExpressionResult(false, null, new ExpressionError(ex.Message));
        }
    }

    public ScriptResult RunScript(string script, IVariableScope variables)
    {
        var set = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        try
        {
            var engine = Create(variables, set);
            var value = engine.Evaluate(script);
            return new ScriptResult(true, ToNode(engine, value), set, null);
        }
        catch (Exception ex)
        {
            return new ScriptResult(false, null, set, new ExpressionError(ex.Message));
        }
    }

    private static Engine Create(IVariableScope variables, Dictionary<string, JsonNode?>? set)
    {
        var engine = new Engine(o => o.TimeoutInterval(TimeSpan.FromMilliseconds(100)).LimitMemory(4_000_000).MaxStatements(10_000).Strict());
        foreach (var name in variables.Names)
        {
            if (variables.TryGet(name, out var value))
            {
                engine.SetValue(name, new Jint.Native.Json.JsonParser(engine).Parse(value?.ToJsonString() ?? "null"));
            }
        }

        if (set is not null)
        {
            engine.SetValue("__set", new Action<string, Jint.Native.JsValue>((n, v) => set[n] = ToNode(engine, v)));
            engine.Execute("var execution = { setVariable: function (n, v) { __set(n, v); } };");
        }

        return engine;
    }

    private static JsonNode? ToNode(Engine engine, Jint.Native.JsValue value)
    {
        if (value.IsUndefined() || value.IsNull())
        {
            return null;
        }

        var json = new Jint.Native.Json.JsonSerializer(engine).Serialize(value).ToString();
        return JsonNode.Parse(json);
    }
}
