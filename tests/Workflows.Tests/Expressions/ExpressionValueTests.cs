using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Expressions;
using static ApprovalHub.Workflows.Tests.Expressions.Evaluation;

namespace ApprovalHub.Workflows.Tests.Expressions;

/// <summary>What an expression gives back is JSON the engine can store as a variable.</summary>
public class ExpressionValueTests
{
    [Theory]
    [InlineData("${2 + 3}", "5")]
    [InlineData("${7 / 2}", "3.5")]
    [InlineData("${-0}", "0")]
    [InlineData("${'会签'}", "\"会签\"")]
    [InlineData("${true}", "true")]
    [InlineData("${null}", "null")]
    [InlineData("${undefined}", "null")]
    [InlineData("${[1, 'a', null, [true]]}", "[1,\"a\",null,[true]]")]
    [InlineData("${{ a: 1, b: { c: 'd' } }}", "{\"a\":1,\"b\":{\"c\":\"d\"}}")]
    [InlineData("${{ kept: 1, dropped: undefined, fn: () => 1 }}", "{\"kept\":1}")]
    [InlineData("${[undefined, () => 1]}", "[null,null]")]
    [InlineData("${new Date(0)}", "\"1970-01-01T00:00:00.000Z\"")]
    [InlineData("${{ at: new Date(0) }}", "{\"at\":\"1970-01-01T00:00:00.000Z\"}")]
    [InlineData("${({ toJSON: () => 'custom' })}", "\"custom\"")]
    public void Values_become_the_json_javascript_would_write(string expression, string json)
    {
        Assert.True(Json(JsonNode.Parse(json), Value(Evaluate(expression))), Evaluate(expression).ToString());
    }

    [Fact]
    public void Integral_numbers_stay_integers()
    {
        var value = Assert.IsAssignableFrom<JsonValue>(Value(Evaluate("${signers.length + 1}", Vars(("signers", new JsonArray("u1", "u2"))))));

        Assert.True(value.TryGetValue<long>(out var count));
        Assert.Equal(3, count);
        Assert.Equal("3", value.ToJsonString());
    }

    [Fact]
    public void A_variable_comes_back_unchanged()
    {
        var applicant = JsonNode.Parse("""{"name":"张三","phones":["13800000000"],"company":{"code":"91330106MA2XXXXX"},"age":36,"vip":false,"note":null}""");

        Assert.True(Json(applicant, Value(Evaluate("${applicant}", Vars(("applicant", applicant))))));
    }

    [Fact]
    public void Variables_built_from_clr_values_are_read_like_parsed_ones()
    {
        var variables = Vars(
            ("count", JsonValue.Create(42)),
            ("rate", JsonValue.Create(0.25m)),
            ("id", JsonValue.Create(Guid.Parse("6f9619ff-8b86-d011-b42d-00c04fc964ff"))),
            ("at", JsonValue.Create(new DateTime(2026, 1, 5, 9, 0, 0, DateTimeKind.Utc))),
            ("element", JsonValue.Create(JsonDocument.Parse("7").RootElement)));

        Assert.Equal("[42,0.25,\"6f9619ff-8b86-d011-b42d-00c04fc964ff\",\"2026-01-05T09:00:00Z\",7]",
            Value(Evaluate("${[count, rate, id, at, element]}", variables))!.ToJsonString());
    }

    [Fact]
    public void Changing_a_variable_object_in_code_does_not_change_the_variable()
    {
        var device = new JsonObject { ["load"] = 5 };

        Assert.Equal(99, Value(Evaluate("${(device.load = 99, device.load)}", Vars(("device", device))))!.GetValue<long>());
        Assert.Equal(5, device["load"]!.GetValue<int>());
    }

    [Fact]
    public void Dates_use_beijing_time()
    {
        Assert.Equal("2025-12-31T16:00:00.000Z", Value(Evaluate("${new Date(2026, 0, 1)}"))!.GetValue<string>());
    }

    [Theory]
    [InlineData("${0 / 0}", "NaN")]
    [InlineData("${1 / 0}", "Infinity")]
    [InlineData("${10n}", "BigInt")]
    [InlineData("${Symbol('s')}", "Symbol")]
    [InlineData("${() => 1}", "function")]
    public void A_value_json_cannot_hold_is_a_type_error(string expression, string named)
    {
        var error = Error(EvaluateUntimed(expression));

        Assert.Equal(ExpressionErrorKind.Type, error.Kind);
        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_result_over_one_megabyte_is_a_memory_limit_error()
    {
        // Untimed: on a loaded machine building a megabyte can take longer than the 100 ms clock.
        var error = Error(EvaluateUntimed("${text.repeat(100000)}", Vars(("text", "张三李四"))));

        Assert.Equal(ExpressionErrorKind.MemoryLimit, error.Kind);
        Assert.Contains("larger than 1,024 KB", error.Message, StringComparison.Ordinal);
        Assert.Equal(ExpressionErrorKind.MemoryLimit, Error(EvaluateUntimed("${Array(5000).fill(text.repeat(20))}", Vars(("text", "张三李四")))).Kind);
    }

    [Fact]
    public void A_result_nested_deeper_than_json_allows_is_a_type_error()
    {
        var error = Error(RunUntimed("let o = {}; for (let i = 0; i < 100; i++) o = { o }; o"));

        Assert.Equal(ExpressionErrorKind.Type, error.Kind);
        Assert.Contains("nested more than 64 levels", error.Message, StringComparison.Ordinal);
    }
}
