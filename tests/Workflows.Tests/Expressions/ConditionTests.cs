using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Expressions;
using static ApprovalHub.Workflows.Tests.Expressions.Evaluation;

namespace ApprovalHub.Workflows.Tests.Expressions;

/// <summary>Gateway and completion conditions over variables of every JSON type.</summary>
public class ConditionTests
{
    private static readonly JsonNode Device = JsonNode.Parse("""
        {
          "code": "3100-330106-2026-0001",
          "owner": { "type": "company", "name": "杭州某某起重机械有限公司" },
          "params": { "load": 16, "span": 22.5 },
          "signers": [ { "id": "u1", "approved": true }, { "id": "u2", "approved": false } ],
          "remark": null
        }
        """)!;

    [Theory]
    [InlineData("${amount > 50000}", 60000, true)]
    [InlineData("${amount > 50000}", 40000, false)]
    [InlineData("amount > 50000", 60000, true)]
    [InlineData("${amount === 0.5}", 0.5, true)]
    [InlineData("${amount < 0}", -3, true)]
    [InlineData("${amount % 2 == 0}", 7, false)]
    public void Numbers_compare_as_numbers(string expression, double amount, bool expected)
    {
        Assert.Equal(expected, Value(Condition(expression, Vars(("amount", amount))))!.GetValue<bool>());
    }

    [Fact]
    public void An_integer_is_the_same_number_however_the_json_was_made()
    {
        foreach (var three in new JsonNode[] { JsonValue.Create(3), JsonValue.Create(3L), JsonValue.Create(3.0), JsonValue.Create(3m), JsonNode.Parse("3")! })
        {
            Assert.True(Condition("${count === 3}", Vars(("count", three))).IsTrue, three.GetType().Name);
        }
    }

    [Theory]
    [InlineData("${category === '3000'}", "3000", true)]
    [InlineData("${category === '3000'}", "4000", false)]
    [InlineData("${name == '张三'}", "张三", true)]
    [InlineData("${name.startsWith('张')}", "张三", true)]
    [InlineData("${category > '2000'}", "3000", true)]
    public void Strings_compare_as_strings(string expression, string value, bool expected)
    {
        Assert.Equal(expected, Value(Condition(expression, Vars(("category", value), ("name", value))))!.GetValue<bool>());
    }

    [Theory]
    [InlineData("${approved == true}", true, true)]
    [InlineData("${approved == true}", false, false)]
    [InlineData("${approved}", true, true)]
    [InlineData("${!approved}", true, false)]
    [InlineData("approved && !rejected", true, true)]
    public void Booleans_decide_directly(string expression, bool approved, bool expected)
    {
        Assert.Equal(expected, Value(Condition(expression, Vars(("approved", approved), ("rejected", false))))!.GetValue<bool>());
    }

    [Theory]
    [InlineData("${device.owner.type === 'company' && device.params.load >= 10}", true)]
    [InlineData("${device.params.span > 30}", false)]
    [InlineData("${device.code.split('-')[1] === '330106'}", true)]
    [InlineData("${device.signers.length == 2}", true)]
    [InlineData("${device.signers[0].id === 'u1'}", true)]
    [InlineData("${device.signers.every(s => s.approved)}", false)]
    [InlineData("${device.signers.filter(s => s.approved).length / device.signers.length >= 0.5}", true)]
    [InlineData("${device.remark === null}", true)]
    [InlineData("${device.missing === undefined}", true)]
    [InlineData("${device.owner?.contact?.phone == null}", true)]
    public void Nested_objects_and_arrays_are_read_with_javascript(string expression, bool expected)
    {
        Assert.Equal(expected, Value(Condition(expression, Vars(("device", Device))))!.GetValue<bool>());
    }

    [Theory]
    [InlineData("${['A', 'B'].includes(grade)}", "B", true)]
    [InlineData("${['A', 'B'].includes(grade)}", "C", false)]
    public void A_condition_may_call_functions(string expression, string grade, bool expected)
    {
        Assert.Equal(expected, Value(Condition(expression, Vars(("grade", grade))))!.GetValue<bool>());
    }

    [Fact]
    public void A_variable_holding_json_null_is_null()
    {
        Assert.True(Condition("${comment === null}", Vars(("comment", null))).IsTrue);
        Assert.True(Condition("${comment == undefined}", Vars(("comment", null))).IsTrue);
    }

    [Fact]
    public void A_missing_variable_is_a_runtime_error_that_names_it()
    {
        var error = Error(Condition("${amont > 5}", Vars(("amount", 6))));

        Assert.Equal(ExpressionErrorKind.Runtime, error.Kind);
        Assert.Contains("'amont'", error.Message, StringComparison.Ordinal);
        Assert.Equal("${amont > 5}", error.Expression);
    }

    [Fact]
    public void Typeof_tells_whether_a_variable_exists()
    {
        Assert.True(Condition("${typeof maybe === 'undefined'}").IsTrue);
        Assert.True(Condition("${typeof maybe === 'number'}", Vars(("maybe", 1))).IsTrue);
    }

    [Theory]
    [InlineData("${name}", "'abc'")]
    [InlineData("${count}", "1")]
    [InlineData("${nothing}", "null")]
    [InlineData("${device.missing}", "null")]
    [InlineData("${device.owner}", "{\"type\":\"company\",\"name\":\"杭州某某起重机械有限公司\"}")]
    public void A_condition_that_is_not_true_or_false_is_a_type_error(string expression, string shown)
    {
        var error = Error(Condition(expression, Vars(("name", "abc"), ("count", 1), ("nothing", null), ("device", Device))));

        Assert.Equal(ExpressionErrorKind.Type, error.Kind);
        Assert.Equal($"The condition must be true or false, got {shown}.", error.Message);
    }

    [Fact]
    public void A_broken_condition_is_not_false()
    {
        var result = Condition("${amount >}");

        Assert.False(result.IsSuccess);
        Assert.False(result.IsTrue);
        Assert.Equal(ExpressionErrorKind.Syntax, result.Error.Kind);
    }
}
