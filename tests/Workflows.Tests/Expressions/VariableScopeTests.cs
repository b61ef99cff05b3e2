using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Expressions;
using static ApprovalHub.Workflows.Tests.Expressions.Evaluation;

namespace ApprovalHub.Workflows.Tests.Expressions;

/// <summary>Variables resolve in the nearest scope first, then in its parents.</summary>
public class VariableScopeTests
{
    private static readonly IVariableScope Process = Vars(("applicant", "张三"), ("level", 1), ("note", null));
    private static readonly IVariableScope Instance = new VariableScope([KeyValuePair.Create("level", (JsonNode?)2), KeyValuePair.Create("signer", (JsonNode?)"u7")], Process);

    [Fact]
    public void A_local_variable_hides_the_parents()
    {
        Assert.True(Instance.TryGet("level", out var level));
        Assert.Equal(2, level!.GetValue<int>());
        Assert.Equal("u7:2:张三", Value(Evaluate("${signer + ':' + level + ':' + applicant}", Instance))!.GetValue<string>());
    }

    [Fact]
    public void A_json_null_variable_exists_and_a_missing_one_does_not()
    {
        Assert.True(Instance.TryGet("note", out var note));
        Assert.Null(note);
        Assert.False(Instance.TryGet("nobody", out _));
    }

    [Fact]
    public void Names_lists_each_visible_variable_once()
    {
        Assert.Equal(["level", "signer", "applicant", "note"], Instance.Names);
    }

    [Fact]
    public void Only_the_variables_an_expression_names_are_read()
    {
        var reads = new CountingScope(Instance);

        Value(Evaluate("${level > 1}", reads));

        Assert.Equal(["level"], reads.Read);
    }

    [Fact]
    public void A_failing_scope_is_the_callers_exception_not_an_expression_error()
    {
        var broken = new BrokenScope();

        Assert.Equal("storage unavailable", Assert.Throws<InvalidOperationException>(() => Evaluate("${level > 1}", broken)).Message);
        Assert.Throws<InvalidOperationException>(() => Run("execution.getVariable('level')", broken));
    }

    private sealed class BrokenScope : IVariableScope
    {
        public IEnumerable<string> Names => [];

        public bool TryGet(string name, out JsonNode? value) => throw new InvalidOperationException("storage unavailable");
    }

    private sealed class CountingScope(IVariableScope inner) : IVariableScope
    {
        public List<string> Read { get; } = [];

        public IEnumerable<string> Names => inner.Names;

        public bool TryGet(string name, out JsonNode? value)
        {
            Read.Add(name);
            return inner.TryGet(name, out value);
        }
    }
}
