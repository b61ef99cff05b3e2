using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Expressions;
using static ApprovalHub.Workflows.Tests.Expressions.Evaluation;

namespace ApprovalHub.Workflows.Tests.Expressions;

/// <summary>Script tasks read variables, set them with execution.setVariable, and yield a completion value.</summary>
public class ScriptTests
{
    [Fact]
    public void A_script_sets_variables_and_yields_its_completion_value()
    {
        var result = Succeeded(Run("""
            const fee = amount > 50000 ? amount * 0.01 : 500;
            execution.setVariable('fee', fee);
            execution.setVariable('inspection', { required: fee > 500, by: inspectors[0] });
            'scheduled';
            """, Vars(("amount", 60000), ("inspectors", new JsonArray("u7", "u9")))));

        Assert.Equal("scheduled", result.Value!.GetValue<string>());
        Assert.Equal(["fee", "inspection"], result.Variables.Keys);
        Assert.Equal(600, result.Variables["fee"]!.GetValue<long>());
        Assert.True(Json(JsonNode.Parse("""{"required":true,"by":"u7"}"""), result.Variables["inspection"]));
    }

    [Fact]
    public void The_completion_value_is_the_last_expression_statement()
    {
        Assert.Equal(120000, Succeeded(Run("var total = amount * 2; total;", Vars(("amount", 60000)))).Value!.GetValue<long>());
        Assert.Null(Succeeded(Run("execution.setVariable('x', 1);")).Value);
        Assert.Null(Succeeded(Run("if (false) { 1 }")).Value);
    }

    [Fact]
    public void Get_variable_reads_the_scope_and_what_the_script_set()
    {
        var result = Succeeded(Run("""
            const before = execution.getVariable('level');
            execution.setVariable('level', before + 1);
            [before, execution.getVariable('level'), level, execution.getVariable('nope') === undefined];
            """, Vars(("level", 2))));

        Assert.Equal("[2,3,3,true]", result.Value!.ToJsonString());
        Assert.Equal(3, result.Variables["level"]!.GetValue<long>());
    }

    [Fact]
    public void A_value_is_stored_as_it_was_when_set()
    {
        var result = Succeeded(Run("const o = { n: 1 }; execution.setVariable('o', o); o.n = 2; o.n"));

        Assert.Equal(2, result.Value!.GetValue<long>());
        Assert.Equal("{\"n\":1}", result.Variables["o"]!.ToJsonString());
    }

    [Fact]
    public void A_failing_script_keeps_none_of_its_assignments()
    {
        var result = Run("execution.setVariable('half', 1); throw new Error('规则不适用');");

        var error = Error(result);
        Assert.Equal(ExpressionErrorKind.Runtime, error.Kind);
        Assert.Equal("Error: 规则不适用", error.Message);
        Assert.Empty(result.Variables);
    }

    [Fact]
    public void Only_json_values_can_be_set()
    {
        Assert.Equal(ExpressionErrorKind.Type, Error(Run("execution.setVariable('f', () => 1)")).Kind);
        Assert.Equal(ExpressionErrorKind.Runtime, Error(Run("execution.setVariable('', 1)")).Kind);
        Assert.Equal(ExpressionErrorKind.Runtime, Error(Run("execution.setVariable(42, 1)")).Kind);
        Assert.Null(Succeeded(Run("execution.setVariable('cleared')")).Variables["cleared"]);
    }

    [Fact]
    public void An_expression_cannot_set_variables()
    {
        var error = Error(Evaluate("${execution.setVariable('approved', true)}"));

        Assert.Equal(ExpressionErrorKind.Forbidden, error.Kind);
        Assert.Contains("script task", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_may_declare_names_that_are_also_variables()
    {
        Assert.False(Succeeded(Run("let approved = false; approved", Vars(("approved", true)))).Value!.GetValue<bool>());
        Assert.Equal("v", Succeeded(Run("var approved = 'v'; approved", Vars(("approved", true)))).Value!.GetValue<string>());
    }

    [Fact]
    public void A_variable_named_like_a_built_in_does_not_hide_it()
    {
        var result = Succeeded(Run("[typeof Date, execution.getVariable('Date')]", Vars(("Date", "2026-01-05"))));

        Assert.Equal("[\"function\",\"2026-01-05\"]", result.Value!.ToJsonString());
    }

    [Fact]
    public void Thrown_values_that_are_not_errors_are_described()
    {
        Assert.Equal("It threw 'oops'.", Error(Run("throw 'oops'")).Message);
        Assert.Equal("It threw 42.", Error(Run("throw 42")).Message);
        Assert.Equal("Error: plain", Error(Run("throw { message: 'plain' }")).Message);
        Assert.Equal("TypeError: Cannot read properties of null (reading 'x')", Error(Run("const o = null; o.x")).Message);
    }
}
