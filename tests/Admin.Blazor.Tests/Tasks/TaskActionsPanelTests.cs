using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalHub.Admin.Blazor.Components.Forms;
using ApprovalHub.Admin.Blazor.Components.Tasks;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;
using Bunit;

namespace ApprovalHub.Admin.Blazor.Tests.Tasks;

/// <summary>
/// The task page's actions: each sends its engine command with what was typed, the reasons practice
/// requires are asked for before anything is sent, and the server's refusals land on their fields.
/// </summary>
public sealed class TaskActionsPanelTests : TasksTestBase
{
    private static readonly Guid TaskId = Guid.NewGuid();
    private static readonly Guid OtherSigner = Guid.NewGuid();
    private static readonly DateTimeOffset Created = new(2026, 11, 24, 2, 0, 0, TimeSpan.Zero);

    private readonly ClaimsPrincipal _official = new(new ClaimsIdentity([new Claim(ClaimTypes.Name, "demo.county")], "test"));
    private readonly List<TaskActionResult> _acted = [];

    private static TaskDetail Detail(TaskPermissions allowed, FormView? taskForm = null) => new()
    {
        Task = new TaskSummary
        {
            Id = TaskId,
            ElementId = "Task_decide",
            Name = "审查决定",
            Status = UserTaskStatus.Open,
            Assignee = "demo.county",
            CandidateUsers = [],
            CandidateGroups = ["regulator.county"],
            FormKey = taskForm?.FormKey,
            CreatedAt = Created,
        },
        Case = new CaseSummary
        {
            InstanceId = Guid.NewGuid(),
            BusinessKey = "AH09-20261124-000001",
            ProcessKey = "unit_09_inspection_postponement",
            Version = 1,
            UnitName = "09 延期检验申请",
            Status = "active",
            StartedAt = Created,
        },
        TaskForm = taskForm,
        History = [],
        Diagram = new DiagramView("unit_09_inspection_postponement", 1, string.Empty, [], [], []),
        ReturnTargets = [new StepRef("Task_accept", "受理")],
        Signers =
        [
            new SignerView(TaskId, "demo.county", UserTaskStatus.Open, null),
            new SignerView(OtherSigner, "test.county2", UserTaskStatus.Open, null),
        ],
        Allowed = allowed,
    };

    private static readonly TaskPermissions Holder = new()
    {
        Unclaim = true,
        Complete = true,
        Return = true,
        Transfer = true,
        Delegate = true,
        AddSigner = true,
        RemoveSigner = true,
        CarbonCopy = true,
        Urge = true,
    };

    private static FormView Decision(JsonObject data) => new("decision", UnitCatalog.Shipped().FormJson("decision")!, data);

    private IRenderedComponent<TaskActionsPanel> Panel(TaskDetail detail) =>
        Render<TaskActionsPanel>(p => p
            .Add(a => a.Detail, detail)
            .Add(a => a.User, _official)
            .Add(a => a.Acted, (TaskActionResult result) => _acted.Add(result)));

    private (string Command, Guid Id, T Argument) Sent<T>()
    {
        var call = Assert.Single(Layer.Calls);
        Assert.Same(_official, Layer.LastUser);
        return (call.Command, call.Id, Assert.IsType<T>(call.Argument));
    }

    [Fact]
    public void Claim_ShouldClaimTheTask_AndTellThePage()
    {
        var panel = Panel(Detail(new TaskPermissions { Claim = true }));

        panel.Find("#action-claim").Click();

        var call = Assert.Single(Layer.Calls);
        Assert.Equal(("claim", TaskId), (call.Command, call.Id));
        Assert.Equal("claim", Assert.Single(_acted).Action);
        Assert.Contains("已签收。", panel.Find(".ah-action-message").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Unclaim_ShouldGiveTheTaskBack()
    {
        var panel = Panel(Detail(Holder));

        panel.Find("#action-unclaim").Click();

        Assert.Equal(("unclaim", TaskId), (Layer.Calls[0].Command, Layer.Calls[0].Id));
    }

    [Fact]
    public void Return_ShouldRequireAStepAndAReason_ThenSendThem()
    {
        var panel = Panel(Detail(Holder));
        panel.Find("#action-return").Click();

        panel.Find("#action-form").Submit();

        Assert.Empty(Layer.Calls);
        Assert.Equal("请填写理由", panel.Find("#action-comment-error").TextContent.Trim());
        Assert.Equal("true", panel.Find("#action-comment").GetAttribute("aria-invalid"));
        Assert.Equal("请选择要退回的环节", panel.Find("#action-target-error").TextContent.Trim());

        panel.Find("#action-target").Change("Task_accept");
        panel.Find("#action-comment").Change("  申请材料缺少检验机构意见  ");
        panel.Find("#action-form").Submit();

        var (command, id, argument) = Sent<ReturnTaskCommand>();
        Assert.Equal(("return", TaskId), (command, id));
        Assert.Equal(new ReturnTaskCommand("Task_accept", "申请材料缺少检验机构意见"), argument);
        Assert.Empty(panel.FindAll("#action-form"));
    }

    [Theory]
    [InlineData("transfer")]
    [InlineData("delegate")]
    public void TransferAndDelegate_ShouldRequireAPersonAndAReason(string action)
    {
        var panel = Panel(Detail(Holder));
        panel.Find($"#action-{action}").Click();
        panel.Find("#action-to").Change("test.county2");
        panel.Find("#action-form").Submit();
        Assert.Empty(Layer.Calls);

        panel.Find("#action-comment").Change("出差，请代为办理");
        panel.Find("#action-form").Submit();

        var (command, _, argument) = Sent<ReassignTaskCommand>();
        Assert.Equal((action, new ReassignTaskCommand("test.county2", "出差，请代为办理")), (command, argument));
    }

    [Fact]
    public void AnUnknownPerson_ShouldBeShownUnderThePersonField_WithTheFormKept()
    {
        var panel = Panel(Detail(Holder));
        panel.Find("#action-transfer").Click();
        panel.Find("#action-to").Change("nobody");
        panel.Find("#action-comment").Change("请代办");
        Layer.Refuse = CaseException.Field("toUser", "用户“nobody”不存在或已停用");

        panel.Find("#action-form").Submit();

        Assert.Equal("用户“nobody”不存在或已停用", panel.Find("#action-to-error").TextContent.Trim());
        Assert.Equal("true", panel.Find("#action-to").GetAttribute("aria-invalid"));
        Assert.Contains("操作未完成", panel.Find(".ah-action-message").TextContent, StringComparison.Ordinal);
        Assert.Empty(_acted);
    }

    [Fact]
    public void Resolve_ShouldHandTheDelegatedTaskBack_WithAnOptionalNote()
    {
        var panel = Panel(Detail(new TaskPermissions { Resolve = true }));
        panel.Find("#action-resolve").Click();

        panel.Find("#action-form").Submit();

        var (command, _, argument) = Sent<ResolveTaskCommand>();
        Assert.Equal(("resolve", new ResolveTaskCommand(null, null)), (command, argument));
    }

    [Fact]
    public void AddSigner_ShouldSendThePerson()
    {
        var panel = Panel(Detail(Holder));
        panel.Find("#action-addsigner").Click();
        panel.Find("#action-form").Submit();
        Assert.Equal("请填写加签人", panel.Find("#action-signer-error").TextContent.Trim());

        panel.Find("#action-signer").Change("test.county3");
        panel.Find("#action-form").Submit();

        Assert.Equal(new SignerCommand("test.county3", null, null), Sent<SignerCommand>().Argument);
    }

    [Fact]
    public void RemoveSigner_ShouldOfferOnlyTheOtherOpenSigners()
    {
        var panel = Panel(Detail(Holder));
        panel.Find("#action-removesigner").Click();

        var options = panel.FindAll("#action-remove option").Where(o => o.GetAttribute("value") != string.Empty).ToList();
        Assert.Equal(OtherSigner.ToString(), Assert.Single(options).GetAttribute("value"));

        panel.Find("#action-remove").Change(OtherSigner.ToString());
        panel.Find("#action-comment").Change("该同志回避");
        panel.Find("#action-form").Submit();

        Assert.Equal(new SignerCommand(null, OtherSigner, "该同志回避"), Sent<SignerCommand>().Argument);
    }

    [Fact]
    public void CarbonCopy_ShouldSplitTheRecipients()
    {
        var panel = Panel(Detail(Holder));
        panel.Find("#action-carboncopy").Click();
        panel.Find("#action-recipients").Change("demo.city， demo.street;demo.city");
        panel.Find("#action-form").Submit();

        var (command, _, argument) = Sent<CarbonCopyCommand>();
        Assert.Equal("cc", command);
        Assert.Equal(["demo.city", "demo.street"], argument.Recipients!);
    }

    [Fact]
    public void Urge_ShouldSendTheNote()
    {
        var panel = Panel(Detail(new TaskPermissions { Urge = true }));
        panel.Find("#action-urge").Click();
        panel.Find("#action-comment").Change("已超期，请尽快办理");
        panel.Find("#action-form").Submit();

        Assert.Equal(new UrgeCommand("已超期，请尽快办理"), Sent<UrgeCommand>().Argument);
    }

    [Fact]
    public void TheDecisionForm_ShouldSendTheDecision()
    {
        var panel = Panel(Detail(Holder, Decision(new JsonObject { ["decision"] = "approve", ["comment"] = "材料齐全，同意。" })));

        panel.Find("section.ah-decision form").Submit();

        var (command, id, argument) = Sent<CompleteTaskCommand>();
        Assert.Equal(("complete", TaskId), (command, id));
        Assert.Equal(("approve", "材料齐全，同意。"), ((string?)argument.Data!["decision"], (string?)argument.Data["comment"]));
        Assert.Equal("complete", Assert.Single(_acted).Action);
    }

    [Fact]
    public void ARejectionTheServerRefuses_ShouldShowItsReasonOnTheCommentField()
    {
        var panel = Panel(Detail(Holder, Decision(new JsonObject { ["decision"] = "reject", ["comment"] = "不行" })));
        Layer.Refuse = CaseException.Field("comment", "不同意时必须填写理由");

        panel.Find("section.ah-decision form").Submit();

        var form = panel.Find("section.ah-decision form");
        Assert.Equal("不同意时必须填写理由", panel.Find($"#{FormIds.For(form.Id!, "comment")}-errors").TextContent.Trim());
        Assert.Empty(_acted);
    }

    [Fact]
    public void ATaskWithoutForm_ShouldBeCompletedWithANote()
    {
        var panel = Panel(Detail(new TaskPermissions { Complete = true }));
        panel.Find("#action-complete").Click();
        panel.Find("#action-comment").Change("已现场核实");
        panel.Find("#action-form").Submit();

        Assert.Equal(new CompleteTaskCommand(null, "已现场核实"), Sent<CompleteTaskCommand>().Argument);
    }

    [Fact]
    public void OnlyTheActionsTheServerAllows_ShouldBeOffered()
    {
        var none = Panel(Detail(TaskPermissions.None));
        Assert.Empty(none.FindAll("button"));
        Assert.Contains("此任务无需您办理。", none.Markup, StringComparison.Ordinal);

        var urge = Panel(Detail(new TaskPermissions { Urge = true }));
        Assert.Equal(["action-urge"], urge.FindAll("button").Select(b => b.Id));
    }

    [Fact]
    public void EveryActionButton_ShouldBeNamedAndEveryField_Labelled()
    {
        var panel = Panel(Detail(Holder));

        var buttons = panel.FindAll(".ah-action-buttons button").Select(b => (b.Id!, b.TextContent.Trim())).ToList();
        Assert.Equal(9, buttons.Count);
        foreach (var (id, name) in buttons)
        {
            Assert.False(string.IsNullOrWhiteSpace(name));
            panel.Find($"#{id}").Click();
            foreach (var field in panel.FindAll("#action-form select, #action-form input, #action-form textarea"))
            {
                Assert.NotNull(panel.Find($"label[for={field.Id}]"));
            }
        }
    }
}
