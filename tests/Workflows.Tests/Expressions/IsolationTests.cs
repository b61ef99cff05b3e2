using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Expressions;
using static ApprovalHub.Workflows.Tests.Expressions.Evaluation;

namespace ApprovalHub.Workflows.Tests.Expressions;

/// <summary>Evaluations share engines and threads but never variables, globals or tampered built-ins.</summary>
public class IsolationTests
{
    [Fact]
    public async Task Ten_thousand_evaluations_on_four_threads_each_see_only_their_own_variables()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        var workers = Enumerable.Range(0, 4).Select(worker => Task.Run(() =>
        {
            for (var i = 0; i < 2500; i++)
            {
                var n = (worker * 2500) + i;
                var variables = Vars(("n", n), ("owner", $"u{n}"), ("items", new JsonArray(n, n + 1)));

                // A side-effect-free expression (pooled engine) and one that calls functions (fresh engine).
                var pooled = Evaluator.Evaluate("${owner + ':' + (n * 2) + ':' + items[1]}", variables, cancellationToken);
                var fresh = Evaluator.Evaluate("${[owner, items.map(x => x - n).join('')].join(':')}", variables, cancellationToken);

                if (pooled.Value?.GetValue<string>() != $"u{n}:{n * 2}:{n + 1}")
                {
                    failures.Add($"{n}: {pooled}");
                }

                if (fresh.Value?.GetValue<string>() != $"u{n}:01")
                {
                    failures.Add($"{n}: {fresh}");
                }
            }
        }, cancellationToken));
        await Task.WhenAll(workers);

        Assert.Empty(failures);
    }

    [Fact]
    public void A_variable_is_gone_when_its_evaluation_ends()
    {
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal("secret", Value(Evaluate("${password}", Vars(("password", "secret"))))!.GetValue<string>());
            Assert.Equal("undefined", Value(Evaluate("${typeof password}"))!.GetValue<string>());
        }
    }

    [Fact]
    public void Globals_a_script_creates_do_not_survive_it()
    {
        Succeeded(Run("globalThis.leak = 'secret'; var declared = 1; this.other = 2;"));

        Assert.Equal("undefined,undefined,undefined",
            Value(Evaluate("${[typeof leak, typeof declared, typeof other].join()}"))!.GetValue<string>());
        Assert.Equal("undefined", Value(Evaluate("${typeof leak}"))!.GetValue<string>());
    }

    [Theory]
    [InlineData("Array.prototype.includes = () => true")]
    [InlineData("Object.defineProperty(Array.prototype, 'includes', { value: () => true })")]
    [InlineData("Object.freeze(Object.prototype)")]
    [InlineData("JSON.stringify = () => 'forged'")]
    [InlineData("Math.max = () => 0")]
    public void Tampering_with_built_ins_affects_only_that_script(string tampering)
    {
        Succeeded(Run(tampering + "; 'done'"));

        Assert.False(Value(Evaluate("${[1].includes(2)}"))!.GetValue<bool>());
        Assert.Equal("{\"a\":1}", Value(Evaluate("${JSON.stringify({ a: 1 })}"))!.GetValue<string>());
        Assert.Equal(3, Value(Evaluate("${Math.max(1, 3)}"))!.GetValue<long>());
        Assert.Equal(1, Succeeded(Run("const o = {}; o.x = 1; o.x")).Value!.GetValue<long>());
    }

    [Fact]
    public void Separate_evaluators_do_not_share_anything()
    {
        var other = new JintExpressionEvaluator();

        Assert.True(other.EvaluateBoolean("${approved}", Vars(("approved", true)), TestContext.Current.CancellationToken).IsTrue);
        Assert.Equal("undefined", Value(Evaluate("${typeof approved}"))!.GetValue<string>());
    }
}
