using ApprovalHub.Workflows.Expressions;
using static ApprovalHub.Workflows.Tests.Expressions.Evaluation;

namespace ApprovalHub.Workflows.Tests.Expressions;

/// <summary>
/// Hostile or careless code ends in a clean error: time, statements, memory and recursion are bounded,
/// including through the built-ins that Jint's own accounting misses.
/// </summary>
public class SandboxLimitTests
{
    [Theory]
    [InlineData("while (true) {}")]
    [InlineData("for (;;);")]
    [InlineData("let i = 0; while (true) { i++ }")]
    [InlineData("try { while (true) {} } catch (e) {} 'escaped'")]
    public void Endless_loop_becomes_a_statement_limit_error(string script)
    {
        Assert.Equal(ExpressionErrorKind.StatementLimit, Error(RunUntimed(script)).Kind);
    }

    [Fact]
    public void Endless_loop_is_stopped_by_statements_or_by_the_clock()
    {
        // 10,000 statements normally end it first; on a loaded machine the 100 ms clock may.
        var error = Error(Condition("${(() => { while (true) {} })()}"));

        Assert.Contains(error.Kind, new[] { ExpressionErrorKind.StatementLimit, ExpressionErrorKind.Timeout });
    }

    [Fact]
    public void The_statement_limit_message_suggests_an_endless_loop()
    {
        var error = Error(RunUntimed("(() => { while (true) {} })()"));

        Assert.Equal("It ran more than 10,000 statements and was stopped; is there an endless loop?", error.Message);
    }

    [Fact]
    public void Catastrophic_regular_expression_becomes_a_timeout_error()
    {
        var error = Error(Condition("${/(a+)+$/.test(text)}", Vars(("text", new string('a', 40) + "b"))));

        Assert.Equal(ExpressionErrorKind.Timeout, error.Kind);
        Assert.Contains("100 ms", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("'x'.repeat(1e8)")]
    [InlineData("new Array(1e7).fill(1)")]
    [InlineData("let a = []; for (let i = 0; i < 9000; i++) a.push('x'.repeat(1000)); a.length")]
    [InlineData("let s = 'x'; for (let i = 0; i < 30; i++) s = s + s; s.length")]
    public void Huge_allocation_becomes_a_memory_limit_error(string script)
    {
        var error = Error(RunUntimed(script));

        Assert.Equal(ExpressionErrorKind.MemoryLimit, error.Kind);
        Assert.Contains("MB", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parsing_a_huge_json_text_is_stopped()
    {
        // Which limit comes first depends on the machine's speed; either is a clean stop.
        var error = Error(Run("JSON.parse('[' + '1,'.repeat(5e5) + '1]').length"));

        Assert.Contains(error.Kind, new[] { ExpressionErrorKind.MemoryLimit, ExpressionErrorKind.Timeout });
    }

    // Each of these built a gigabyte-sized string, or ran for seconds, on Jint 4.18 without the guards.
    [Theory]
    [InlineData("Array(1e4).fill(s).join('').length")]
    [InlineData("(Array(1e4).fill(s) + '').length")]
    [InlineData("`${Array(1e4).fill(s)}`.length")]
    [InlineData("Array(1e4).fill(s).toLocaleString().length")]
    [InlineData("''.concat(...Array(1e4).fill(s)).length")]
    [InlineData("String.raw({ raw: Array(1e4).fill(s) }).length")]
    [InlineData("JSON.stringify(Array(1e4).fill(s)).length")]
    [InlineData("'x'.repeat(2e4).replaceAll('x', 'y'.repeat(2e4)).length")]
    [InlineData("'x'.repeat(2e4).replace(/x/g, 'y'.repeat(2e4)).length")]
    [InlineData("'x'.repeat(4e4).replaceAll('x', \"$'\").length")]
    public void Built_ins_that_multiply_a_string_are_held_to_the_memory_limit(string expression)
    {
        Assert.Equal(ExpressionErrorKind.MemoryLimit, Error(RunUntimed("const s = 'y'.repeat(1e5); " + expression)).Kind);
    }

    [Theory]
    [InlineData("function f(n) { return f(n + 1) } f(0)")]
    [InlineData("function f(n) { try { return f(n + 1) } catch (e) { return 'caught' } } f(0)")]
    [InlineData("const o = { get x() { return this.x } }; o.x")]
    [InlineData("let a = []; for (let i = 0; i < 5000; i++) a = [a]; a.join()")]
    public void Deep_recursion_becomes_a_recursion_error(string script)
    {
        Assert.Equal(ExpressionErrorKind.Recursion, Error(RunUntimed(script)).Kind);
    }

    [Theory]
    [InlineData("({ get x() { while (true) {} } })")]
    [InlineData("({ toJSON() { while (true) {} } })")]
    [InlineData("new Proxy({}, { ownKeys() { while (true) {} } })")]
    [InlineData("const o = { toJSON() { for (let i = 0; i < 9990; i++); return 1 } }; Array(9e4).fill(o)")]
    public void Converting_the_result_runs_under_the_same_limits(string script)
    {
        Assert.Equal(ExpressionErrorKind.StatementLimit, Error(RunUntimed(script)).Kind);
    }

    [Fact]
    public void Code_thrown_as_an_error_cannot_escape_the_limits()
    {
        var error = Error(Run("throw new Proxy({}, { getOwnPropertyDescriptor() { while (true) {} }, getPrototypeOf() { while (true) {} } })"));

        Assert.Equal(ExpressionErrorKind.Runtime, error.Kind);
    }

    [Theory]
    [InlineData("ArrayBuffer")]
    [InlineData("SharedArrayBuffer")]
    [InlineData("Uint8Array")]
    [InlineData("DataView")]
    [InlineData("Atomics")]
    [InlineData("ShadowRealm")]
    [InlineData("Intl")]
    public void Binary_data_and_other_unneeded_globals_are_hidden(string global)
    {
        Assert.Equal("undefined", Value(Evaluate($"${{typeof {global}}}"))!.GetValue<string>());
    }

    [Fact]
    public void A_limit_stops_only_its_own_evaluation()
    {
        Assert.False(Condition("${(() => { for (;;); })()}").IsSuccess);
        Assert.Equal(ExpressionErrorKind.MemoryLimit, Error(Condition("${s + s}", Vars(("s", new string('x', 1_500_000))))).Kind);

        Assert.True(Condition("${approved == true}", Vars(("approved", true))).IsTrue);
        Assert.True(Condition("${[1, 2].includes(2)}").IsTrue);
    }

    [Fact]
    public void Tighter_limits_can_be_configured()
    {
        var evaluator = new JintExpressionEvaluator(new ExpressionLimits { MaxStatements = 100, Timeout = TimeSpan.FromMinutes(1) });

        var result = evaluator.RunScript("let n = 0; for (let i = 0; i < 200; i++) n += i; n", VariableScope.Empty, TestContext.Current.CancellationToken);

        Assert.Equal(ExpressionErrorKind.StatementLimit, Error(result).Kind);
        Assert.Contains("100 statements", result.Error!.Message, StringComparison.Ordinal);
    }
}
