using System.Text.Json.Nodes;
using ApprovalHub.Admin.Blazor.Components.Forms;
using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

public sealed class TaskPageTests : PortalTestBase
{
    private readonly Guid _task = Guid.NewGuid();
    private readonly Guid _case = Guid.NewGuid();

    [Fact]
    public void ARectification_ShouldShowTheOfficialsReason_AndTheFormWithWhatWasSent()
    {
        Cases.Tasks[_task] = Detail(allowed: true);

        var page = Render<TaskPage>(p => p.Add(t => t.Id, _task));

        Assert.Equal("补正材料 · AH11-20261120-000007", page.Find("h1").TextContent);
        Assert.Equal("请补充产品合格证扫描件。", page.Find(".ah-portal-alert blockquote").TextContent);
        Assert.Equal("演示使用单位", page.Find($"#{FormIds.For(page.Find("form.ah-form").Id!, "organisationName")}").GetAttribute("value"));
        Assert.Equal($"portal/cases/{_case}", page.Find(".ah-portal-case-head a").GetAttribute("href"));
    }

    [Fact]
    public void Completing_ShouldSendTheFormsData_AndReturnToTheCase()
    {
        Cases.Tasks[_task] = Detail(allowed: true, formKey: "decision-receipt", data: new JsonObject { ["acknowledged"] = true });
        var page = Render<TaskPage>(p => p.Add(t => t.Id, _task));

        page.Find("form.ah-form").Submit();

        var command = Assert.IsType<CompleteTaskCommand>(Assert.Single(Cases.Calls, c => c.Command == "complete").Argument);
        Assert.Equal("""{"acknowledged":true}""", command.Data!.ToJsonString());
        Assert.EndsWith($"portal/cases/{_case}", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void TheServersFieldErrors_ShouldLandOnTheirFields()
    {
        Cases.Tasks[_task] = Detail(allowed: true, formKey: "decision-receipt", data: new JsonObject { ["acknowledged"] = true });
        Cases.Refuse = new CaseException(CaseErrorKind.Invalid, "表单有误", new Dictionary<string, string[]> { ["remark"] = ["备注最多500个字"] });
        var page = Render<TaskPage>(p => p.Add(t => t.Id, _task));

        page.Find("form.ah-form").Submit();

        Assert.Equal("备注最多500个字", page.Find($"#{FormIds.For(page.Find("form.ah-form").Id!, "remark")}-errors").TextContent.Trim());
    }

    [Fact]
    public void ATaskNotTheUsersToAct_ShouldBeReadOnly()
    {
        Cases.Tasks[_task] = Detail(allowed: false);

        var page = Render<TaskPage>(p => p.Add(t => t.Id, _task));

        Assert.Contains("此事项不由您办理", page.Markup, StringComparison.Ordinal);
        Assert.NotNull(page.Find("form.ah-form-readonly"));
        Assert.Empty(page.FindAll("button[type='submit']"));
    }

    private TaskDetail Detail(bool allowed, string formKey = "unit-11-use-registration", JsonObject? data = null)
    {
        var detail = CaseFixtures.UseRegistration(_case);
        return new TaskDetail
        {
            Task = CaseFixtures.Task(_task, "补正材料", "demo.enterprise", formKey: formKey),
            Case = detail.Case,
            ApplicantForm = detail.ApplicantForm,
            TaskForm = new FormView(formKey, UnitCatalog.Shipped().FormJson(formKey)!, data ?? detail.ApplicantForm!.Data),
            History = detail.History,
            Diagram = detail.Diagram,
            ReturnTargets = [],
            Signers = [],
            Allowed = new TaskPermissions { Complete = allowed },
        };
    }
}
