using ApprovalHub.Workflows.Parsing;

namespace ApprovalHub.Workflows.Tests;

public class ParserSmokeTests
{
    [Fact]
    public void Empty_input_is_a_diagnostic()
    {
        var result = BpmnParser.Parse("");
        Assert.True(result.HasErrors);
    }
}
