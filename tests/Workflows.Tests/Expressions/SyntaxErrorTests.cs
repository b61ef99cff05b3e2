using ApprovalHub.Workflows.Expressions;
using static ApprovalHub.Workflows.Tests.Expressions.Evaluation;

namespace ApprovalHub.Workflows.Tests.Expressions;

/// <summary>Text that is not one valid JavaScript expression is a syntax error, found before anything runs.</summary>
public class SyntaxErrorTests
{
    [Theory]
    [InlineData("${approved == }")]
    [InlineData("${}")]
    [InlineData("   ")]
    [InlineData("approved ==")]
    [InlineData("var x = 1")]
    [InlineData("${a); while (true) {} (b}")]
    [InlineData("${with (device) { load }}")]
    [InlineData("${010 == 8}")]
    public void Malformed_or_non_strict_text_is_a_syntax_error(string expression)
    {
        var error = Error(Evaluate(expression));

        Assert.Equal(ExpressionErrorKind.Syntax, error.Kind);
        Assert.Equal(expression, error.Expression);
    }

    [Fact]
    public void The_message_says_where_the_text_breaks()
    {
        Assert.Equal("'approved ==' is not a valid JavaScript expression: Unexpected end of input (column 11).",
            Error(Evaluate("${approved == }")).Message);
    }

    [Fact]
    public void Text_nested_thousands_deep_is_a_syntax_error_not_a_crash()
    {
        var deep = "${" + new string('(', 100_000) + "1" + new string(')', 100_000) + "}";

        Assert.Equal(ExpressionErrorKind.Syntax, Error(Evaluate(deep)).Kind);
        Assert.NotNull(ExpressionText.CheckExpression(deep));
        Assert.NotNull(ExpressionText.CheckScript(new string('[', 100_000)));
    }

    [Fact]
    public void Overlong_text_is_refused()
    {
        Assert.Contains("longer than 10,000 characters", Error(Evaluate(new string('1', 10_001))).Message, StringComparison.Ordinal);
        Assert.Contains("longer than 100,000 characters", Error(Run("1;" + new string(' ', 100_000))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_object_literal_is_an_object_not_a_block()
    {
        Assert.Equal("{\"a\":1}", Value(Evaluate("${{a: 1}}"))!.ToJsonString());
    }

    [Fact]
    public void A_trailing_comment_does_not_swallow_the_end()
    {
        Assert.Equal(2, Value(Evaluate("1 + 1 // two"))!.GetValue<long>());
    }

    [Fact]
    public void A_script_syntax_error_gives_the_line()
    {
        var error = Error(Run("var a = 1;\nvar = ;"));

        Assert.Equal(ExpressionErrorKind.Syntax, error.Kind);
        Assert.Contains("line 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_script_cannot_return_at_top_level()
    {
        Assert.Equal(ExpressionErrorKind.Syntax, Error(Run("return 1;")).Kind);
    }
}
