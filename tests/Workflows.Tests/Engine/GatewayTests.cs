using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Tests.Engine.Support;

namespace ApprovalHub.Workflows.Tests.Engine;

/// <summary>Exclusive, parallel and inclusive gateways, including unbalanced and unstructured joins and the OR-join.</summary>
public abstract class GatewayTests(IStoreFactory stores) : EngineTest(stores)
{
    private const string Decision = """
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
        <exclusiveGateway id="gw" default="other" />
        <sequenceFlow id="high" sourceRef="gw" targetRef="county"><conditionExpression>${risk > 80}</conditionExpression></sequenceFlow>
        <sequenceFlow id="mid" sourceRef="gw" targetRef="street"><conditionExpression>risk > 50</conditionExpression></sequenceFlow>
        <sequenceFlow id="other" sourceRef="gw" targetRef="self" />
        <userTask id="county" />
        <userTask id="street" />
        <userTask id="self" />
        """;

    [Theory]
    [InlineData(90, "county")]
    [InlineData(60, "street")]
    [InlineData(10, "self")]
    public async Task Exclusive_gateway_takes_the_first_true_condition_or_the_default(int risk, string expected)
    {
        DeployBody(Decision);

        var id = await StartAsync(vars: new { risk });

        Assert.Equal([expected], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task Exclusive_gateway_without_a_match_or_default_raises_an_incident()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
            <exclusiveGateway id="gw" />
            <sequenceFlow id="a" sourceRef="gw" targetRef="t1"><conditionExpression>${x == 1}</conditionExpression></sequenceFlow>
            <sequenceFlow id="b" sourceRef="gw" targetRef="t2"><conditionExpression>${x == 2}</conditionExpression></sequenceFlow>
            <userTask id="t1" />
            <userTask id="t2" />
            """);

        var id = await StartAsync(vars: new { x = 3 });

        var incident = Assert.Single(await IncidentsAsync(id));
        Assert.Equal(IncidentKind.NoFlowMatched, incident.Kind);
        Assert.Equal("gw", incident.ElementId);
        Assert.Equal(InstanceStatus.Active, await StatusAsync(id));
    }

    [Fact]
    public async Task A_condition_that_is_not_boolean_or_fails_is_an_incident()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
            <exclusiveGateway id="gw" default="b" />
            <sequenceFlow id="a" sourceRef="gw" targetRef="t1"><conditionExpression>${missing.deep == 1}</conditionExpression></sequenceFlow>
            <sequenceFlow id="b" sourceRef="gw" targetRef="t2" />
            <userTask id="t1" />
            <userTask id="t2" />
            """);

        var id = await StartAsync();

        Assert.Equal(IncidentKind.ExpressionFailure, Assert.Single(await IncidentsAsync(id)).Kind);
        Assert.Empty(await OpenTasksAsync(id));
    }

    [Fact]
    public async Task Parallel_fork_and_join_wait_for_every_branch()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <parallelGateway id="fork" />
            <sequenceFlow id="f2" sourceRef="fork" targetRef="a" />
            <sequenceFlow id="f3" sourceRef="fork" targetRef="b" />
            <sequenceFlow id="f4" sourceRef="fork" targetRef="c" />
            <userTask id="a" /><userTask id="b" /><userTask id="c" />
            <sequenceFlow id="f5" sourceRef="a" targetRef="join" />
            <sequenceFlow id="f6" sourceRef="b" targetRef="join" />
            <sequenceFlow id="f7" sourceRef="c" targetRef="join" />
            <parallelGateway id="join" />
            <sequenceFlow id="f8" sourceRef="join" targetRef="after" />
            <userTask id="after" />
            """);
        var id = await StartAsync();
        Assert.Equal(["a", "b", "c"], await OpenTasksAsync(id));

        await CompleteAsync(id, "b");
        await CompleteAsync(id, "a");
        Assert.Equal(["c"], await OpenTasksAsync(id));
        await CompleteAsync(id, "c");

        Assert.Equal(["after"], await OpenTasksAsync(id));
        Assert.Single((await InstanceAsync(id)).Tokens);
    }

    /// <summary>
    /// An unstructured model: a join fed by a branch of one fork and a branch of a later fork.
    /// Arrivals are counted per incoming flow, not per fork.
    /// </summary>
    [Fact]
    public async Task Parallel_join_works_in_unstructured_and_unbalanced_models()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork1" />
            <parallelGateway id="fork1" />
            <sequenceFlow id="f2" sourceRef="fork1" targetRef="a" />
            <sequenceFlow id="f3" sourceRef="fork1" targetRef="fork2" />
            <userTask id="a" />
            <parallelGateway id="fork2" />
            <sequenceFlow id="f4" sourceRef="fork2" targetRef="b" />
            <sequenceFlow id="f5" sourceRef="fork2" targetRef="c" />
            <userTask id="b" /><userTask id="c" />
            <sequenceFlow id="f6" sourceRef="a" targetRef="join" />
            <sequenceFlow id="f7" sourceRef="b" targetRef="join" />
            <parallelGateway id="join" />
            <sequenceFlow id="f8" sourceRef="join" targetRef="d" />
            <userTask id="d" />
            <sequenceFlow id="f9" sourceRef="c" targetRef="end" />
            <endEvent id="end" />
            <sequenceFlow id="f10" sourceRef="d" targetRef="end2" />
            <endEvent id="end2" />
            """);
        var id = await StartAsync();

        await CompleteAsync(id, "c");
        await CompleteAsync(id, "b");
        Assert.Equal(["a"], await OpenTasksAsync(id));
        await CompleteAsync(id, "a");
        Assert.Equal(["d"], await OpenTasksAsync(id));
        await CompleteAsync(id, "d");

        Assert.Equal(InstanceStatus.Completed, await StatusAsync(id));
    }

    /// <summary>Two tokens on the same flow before the other arrives make two rounds, not one.</summary>
    [Fact]
    public async Task Parallel_join_consumes_one_token_per_flow_per_firing()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <parallelGateway id="fork" />
            <sequenceFlow id="f2" sourceRef="fork" targetRef="x1" />
            <sequenceFlow id="f3" sourceRef="fork" targetRef="x2" />
            <sequenceFlow id="f4" sourceRef="fork" targetRef="y1" />
            <sequenceFlow id="f5" sourceRef="fork" targetRef="y2" />
            <userTask id="x1" /><userTask id="x2" /><userTask id="y1" /><userTask id="y2" />
            <sequenceFlow id="f6" sourceRef="x1" targetRef="mergeX" />
            <sequenceFlow id="f7" sourceRef="x2" targetRef="mergeX" />
            <exclusiveGateway id="mergeX" />
            <sequenceFlow id="fx" sourceRef="mergeX" targetRef="join" />
            <sequenceFlow id="f8" sourceRef="y1" targetRef="mergeY" />
            <sequenceFlow id="f9" sourceRef="y2" targetRef="mergeY" />
            <exclusiveGateway id="mergeY" />
            <sequenceFlow id="fy" sourceRef="mergeY" targetRef="join" />
            <parallelGateway id="join" />
            <sequenceFlow id="f10" sourceRef="join" targetRef="after" />
            <userTask id="after" />
            """);
        var id = await StartAsync();

        await CompleteAsync(id, "x1");
        await CompleteAsync(id, "x2");
        Assert.DoesNotContain("after", await OpenTasksAsync(id));
        await CompleteAsync(id, "y1");
        Assert.Equal(["after", "y2"], await OpenTasksAsync(id));
        await CompleteAsync(id, "y2");

        Assert.Equal(["after", "after"], await OpenTasksAsync(id));
    }

    private const string InclusiveModel = """
        <startEvent id="start" />
        <sequenceFlow id="f1" sourceRef="start" targetRef="split" />
        <inclusiveGateway id="split" default="fDefault" />
        <sequenceFlow id="fBoiler" sourceRef="split" targetRef="boiler"><conditionExpression>${categories.includes('1000')}</conditionExpression></sequenceFlow>
        <sequenceFlow id="fLift" sourceRef="split" targetRef="lift"><conditionExpression>${categories.includes('3000')}</conditionExpression></sequenceFlow>
        <sequenceFlow id="fCrane" sourceRef="split" targetRef="crane"><conditionExpression>${categories.includes('4000')}</conditionExpression></sequenceFlow>
        <sequenceFlow id="fDefault" sourceRef="split" targetRef="general" />
        <userTask id="boiler" /><userTask id="lift" /><userTask id="crane" /><userTask id="general" />
        <sequenceFlow id="j1" sourceRef="boiler" targetRef="join" />
        <sequenceFlow id="j2" sourceRef="lift" targetRef="join" />
        <sequenceFlow id="j3" sourceRef="crane" targetRef="join" />
        <sequenceFlow id="j4" sourceRef="general" targetRef="join" />
        <inclusiveGateway id="join" />
        <sequenceFlow id="f9" sourceRef="join" targetRef="sign" />
        <userTask id="sign" />
        """;

    [Fact]
    public async Task Inclusive_split_takes_every_true_branch_and_the_join_waits_only_for_those()
    {
        DeployBody(InclusiveModel);
        var id = await StartAsync(vars: new { categories = new[] { "1000", "4000" } });
        Assert.Equal(["boiler", "crane"], await OpenTasksAsync(id));

        await CompleteAsync(id, "crane");
        Assert.Equal(["boiler"], await OpenTasksAsync(id));
        await CompleteAsync(id, "boiler");

        Assert.Equal(["sign"], await OpenTasksAsync(id));
    }

    [Fact]
    public async Task Inclusive_split_takes_the_default_when_nothing_holds()
    {
        DeployBody(InclusiveModel);

        var id = await StartAsync(vars: new { categories = new[] { "9000" } });
        await CompleteAsync(id, "general");

        Assert.Equal(["sign"], await OpenTasksAsync(id));
    }

    /// <summary>
    /// The true OR-join: a token still upstream (here behind a user task that may loop back) can
    /// reach the join, so the join waits for it; once that token has gone elsewhere, it fires.
    /// </summary>
    [Fact]
    public async Task Inclusive_join_waits_for_tokens_that_can_still_arrive_and_no_others()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="fork" />
            <parallelGateway id="fork" />
            <sequenceFlow id="f2" sourceRef="fork" targetRef="quick" />
            <sequenceFlow id="f3" sourceRef="fork" targetRef="check" />
            <userTask id="quick" />
            <sequenceFlow id="f4" sourceRef="quick" targetRef="join" />
            <userTask id="check" />
            <sequenceFlow id="f5" sourceRef="check" targetRef="route" />
            <exclusiveGateway id="route" default="toJoin" />
            <sequenceFlow id="toJoin" sourceRef="route" targetRef="join" />
            <sequenceFlow id="away" sourceRef="route" targetRef="archive"><conditionExpression>${skip == true}</conditionExpression></sequenceFlow>
            <userTask id="archive" />
            <inclusiveGateway id="join" />
            <sequenceFlow id="f6" sourceRef="join" targetRef="after" />
            <userTask id="after" />
            """);

        var waits = await StartAsync(vars: new { skip = false });
        await CompleteAsync(waits, "quick");
        Assert.Equal(["check"], await OpenTasksAsync(waits));
        await CompleteAsync(waits, "check");
        Assert.Equal(["after"], await OpenTasksAsync(waits));

        var goesElsewhere = await StartAsync(vars: new { skip = true });
        await CompleteAsync(goesElsewhere, "quick");
        Assert.Equal(["check"], await OpenTasksAsync(goesElsewhere));
        await CompleteAsync(goesElsewhere, "check");
        Assert.Equal(["after", "archive"], await OpenTasksAsync(goesElsewhere));
    }

    [Fact]
    public async Task Event_based_gateway_takes_the_first_message_and_stops_listening_to_the_rest()
    {
        DeployBody("""
            <startEvent id="start" />
            <sequenceFlow id="f1" sourceRef="start" targetRef="gw" />
            <eventBasedGateway id="gw" />
            <sequenceFlow id="f2" sourceRef="gw" targetRef="supplied" />
            <sequenceFlow id="f3" sourceRef="gw" targetRef="withdrawn" />
            <intermediateCatchEvent id="supplied" ah:correlationKey="${applicationNo}"><messageEventDefinition messageRef="mSupply" /></intermediateCatchEvent>
            <intermediateCatchEvent id="withdrawn" ah:correlationKey="${applicationNo}"><messageEventDefinition messageRef="mWithdraw" /></intermediateCatchEvent>
            <sequenceFlow id="f4" sourceRef="supplied" targetRef="review" />
            <userTask id="review" />
            <sequenceFlow id="f5" sourceRef="withdrawn" targetRef="end" />
            <endEvent id="end" />
            """, rootElements: """<message id="mSupply" name="补正材料" /><message id="mWithdraw" name="撤回申请" />""");
        var id = await StartAsync(vars: new { applicationNo = "A-7" });
        Assert.Equal(["gw"], await WaitingAsync(id));

        Assert.Equal(1, await CorrelateAsync("补正材料", "A-7"));

        Assert.Equal(["review"], await OpenTasksAsync(id));
        Assert.Empty(await Queries.GetSubscriptionsAsync(id, Ct));
        Assert.Equal(0, await CorrelateAsync("撤回申请", "A-7"));
        Assert.Equal(["start", "gw", "supplied"], await CompletedAsync(id));
    }
}
