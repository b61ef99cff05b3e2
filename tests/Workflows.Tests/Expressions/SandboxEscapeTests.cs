using ApprovalHub.Workflows.Expressions;
using static ApprovalHub.Workflows.Tests.Expressions.Evaluation;

namespace ApprovalHub.Workflows.Tests.Expressions;

/// <summary>No expression reaches .NET or builds code from text; attempts are errors, never values.</summary>
public class SandboxEscapeTests
{
    [Theory]
    [InlineData("${System}")]
    [InlineData("${System.IO.File.ReadAllText('/etc/passwd')}")]
    [InlineData("${importNamespace('System')}")]
    [InlineData("${importNamespace('System.IO').File}")]
    [InlineData("${clrHelper}")]
    [InlineData("${clrHelper.typeOf(1)}")]
    public void Clr_access_is_forbidden(string expression)
    {
        var error = Error(Evaluate(expression));

        Assert.Equal(ExpressionErrorKind.Forbidden, error.Kind);
        Assert.StartsWith("Expressions cannot reach .NET", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${eval('1')}")]
    [InlineData("${(0, eval)('1')}")]
    [InlineData("${Function('return 1')()}")]
    [InlineData("${new Function('return this')()}")]
    [InlineData("${this.constructor.constructor('return this')()}")]
    [InlineData("${[].constructor.constructor('return 1')()}")]
    [InlineData("${execution.getVariable.constructor('return 1')()}")]
    [InlineData("${Object.getPrototypeOf(async function () {}).constructor('return 1')}")]
    [InlineData("${Object.getPrototypeOf(function* () {}).constructor('yield 1')}")]
    public void Building_code_from_text_is_forbidden(string expression)
    {
        var error = Error(Evaluate(expression));

        Assert.Equal(ExpressionErrorKind.Forbidden, error.Kind);
        Assert.Contains("eval, Function", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("${typeof System}")]
    [InlineData("${typeof importNamespace}")]
    [InlineData("${typeof clrHelper}")]
    [InlineData("${typeof require}")]
    [InlineData("${typeof process}")]
    public void Host_objects_do_not_exist(string expression)
    {
        Assert.Equal("undefined", Value(Evaluate(expression))!.GetValue<string>());
    }

    [Fact]
    public void The_global_object_holds_only_javascript_and_execution()
    {
        var names = Value(Evaluate("${Object.getOwnPropertyNames(globalThis)}"))!.AsArray().Select(name => name!.GetValue<string>()).ToList();

        Assert.Contains("execution", names);
        Assert.Contains("Math", names);
        Assert.DoesNotContain(names, name => name is "System" or "importNamespace" or "clrHelper" or "host");
    }

    [Fact]
    public void The_execution_functions_are_plain_javascript_functions()
    {
        Assert.Equal("[\"getVariable\",\"setVariable\"]", Value(Evaluate("${Object.keys(execution)}"))!.ToJsonString());
        Assert.Equal("[\"length\",\"name\"]", Value(Evaluate("${Object.getOwnPropertyNames(execution.getVariable).sort()}"))!.ToJsonString());
        Assert.True(Condition("${Object.getPrototypeOf(execution.getVariable) === Function.prototype}").IsTrue);
    }

    [Theory]
    [InlineData("execution = null")]
    [InlineData("execution.getVariable = () => 'forged'")]
    [InlineData("execution.extra = 1")]
    public void Execution_cannot_be_replaced(string script)
    {
        var error = Error(Run(script));

        Assert.Equal(ExpressionErrorKind.Runtime, error.Kind);
        Assert.StartsWith("TypeError", error.Message, StringComparison.Ordinal);
    }
}
