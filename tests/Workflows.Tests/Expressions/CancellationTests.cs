using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Expressions;
using static ApprovalHub.Workflows.Tests.Expressions.Evaluation;

namespace ApprovalHub.Workflows.Tests.Expressions;

/// <summary>Cancellation is the caller's decision, not an expression error: it throws.</summary>
public class CancellationTests
{
    [Fact]
    public void A_cancelled_token_stops_before_evaluating()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();

        Assert.Throws<OperationCanceledException>(() => Evaluator.Evaluate("${1}", VariableScope.Empty, cancellation.Token));
        Assert.Throws<OperationCanceledException>(() => Evaluator.RunScript("1", VariableScope.Empty, cancellation.Token));
    }

    [Fact]
    public void Cancelling_stops_a_running_script()
    {
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var scope = new CancellingScope(cancellation);

        Assert.Throws<OperationCanceledException>(() =>
            Evaluator.RunScript("execution.getVariable('trigger'); let i = 0; while (i < 5000000) i++; i", scope, cancellation.Token));
    }

    [Fact]
    public void A_pooled_engine_forgets_the_previous_token()
    {
        using var cancellation = new CancellationTokenSource();
        Assert.True(Evaluator.EvaluateBoolean("${ok}", Vars(("ok", true)), cancellation.Token).IsTrue);
        cancellation.Cancel();

        Assert.True(Condition("${ok}", Vars(("ok", true))).IsTrue);
    }

    // Cancels as the script reads a variable, so the cancellation lands while the script is running.
    private sealed class CancellingScope(CancellationTokenSource cancellation) : IVariableScope
    {
        public IEnumerable<string> Names => [];

        public bool TryGet(string name, out JsonNode? value)
        {
            cancellation.Cancel();
            value = null;
            return true;
        }
    }
}
