using ApprovalHub.Admin.Blazor.Components.Diagrams;
using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Workflows.Runtime.Records;
using Bunit;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

public sealed class CasePageTests : PortalTestBase
{
    private readonly Guid _id = Guid.NewGuid();
    private readonly Guid _correction = Guid.NewGuid();

    [Fact]
    public void ACase_ShouldShowWhereItStandsOnItsDiagram()
    {
        Cases.Cases[_id] = CaseFixtures.UseRegistration(_id);

        var page = Render<CasePage>(p => p.Add(c => c.Id, _id));

        Assert.Equal("11 使用登记（首次） · AH11-20261120-000007", page.Find("h1").TextContent);
        Assert.Contains("办理中", page.Find(".ah-portal-case-head").TextContent, StringComparison.Ordinal);
        var diagram = page.FindComponent<BpmnDiagram>().Instance;
        Assert.Equal(CaseFixtures.Diagram, diagram.Xml);
        Assert.Equal(["StartEvent", "Task_accept"], diagram.State.Completed);
        Assert.Equal(["Task_accept_correct"], diagram.State.Active);
    }

    [Fact]
    public void WhatIsAskedOfTheApplicant_ShouldLinkToItsTask_AndOthersTasksShouldNotShow()
    {
        Cases.Cases[_id] = CaseFixtures.UseRegistration(_id, tasks:
        [
            CaseFixtures.Task(Guid.NewGuid(), "受理", null, UserTaskStatus.Completed, "decision"),
            CaseFixtures.Task(_correction, "补正材料", "demo.enterprise"),
            CaseFixtures.Task(Guid.NewGuid(), "审查决定", "demo.city", formKey: "decision"),
        ]);

        var page = Render<CasePage>(p => p.Add(c => c.Id, _id));

        var asked = page.Find(".ah-portal-asked");
        Assert.Equal("补正材料", asked.QuerySelector("strong")!.TextContent);
        Assert.Equal($"portal/tasks/{_correction}", asked.QuerySelector("a")!.GetAttribute("href"));
        Assert.Single(asked.QuerySelectorAll("li"));
    }

    [Fact]
    public void TheECertificate_ShouldBeDownloadable_WhenTheRegistryHasItsPdf()
    {
        Cases.Cases[_id] = CaseFixtures.UseRegistration(_id, status: "completed", certificate: "梯11浙A00001(26)");
        Registry.Pdfs["梯11浙A00001(26)"] = "/api/certificates/x/pdf";

        var page = Render<CasePage>(p => p.Add(c => c.Id, _id));

        var link = page.Find("a[download]");
        Assert.Equal("/api/certificates/x/pdf", link.GetAttribute("href"));
        Assert.Contains("电子使用登记证 梯11浙A00001(26)（PDF）", link.TextContent, StringComparison.Ordinal);
        Assert.Contains("已办结", page.Find(".ah-portal-case-head").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void NoDownload_ShouldBeOffered_WithoutAPdf()
    {
        Cases.Cases[_id] = CaseFixtures.UseRegistration(_id, certificate: "梯11浙A00001(26)");

        var page = Render<CasePage>(p => p.Add(c => c.Id, _id));

        Assert.Empty(page.FindAll("a[download]"));
    }

    [Fact]
    public void WhatWasSentAndTheHistory_ShouldBeReadable_WithTheOfficialsComments()
    {
        Cases.Cases[_id] = CaseFixtures.UseRegistration(_id);

        var page = Render<CasePage>(p => p.Add(c => c.Id, _id));

        Assert.Empty(page.FindAll("form.ah-form input"));
        Assert.Contains("演示使用单位", page.Find("form.ah-form-readonly").TextContent, StringComparison.Ordinal);
        Assert.Contains("电梯", page.Find("form.ah-form-readonly").TextContent, StringComparison.Ordinal);
        var history = page.FindAll(".ah-portal-history li");
        Assert.Equal(2, history.Count);
        Assert.Contains("退回补正", history[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("请补充产品合格证扫描件。", history[0].QuerySelector("blockquote")!.TextContent);
    }

    [Fact]
    public void Withdraw_ShouldSendTheReason_WhileTheNextStepHasNotActed()
    {
        Cases.Cases[_id] = CaseFixtures.UseRegistration(_id, canWithdraw: true);
        var page = Render<CasePage>(p => p.Add(c => c.Id, _id));

        page.Find("#withdraw-reason").Change("填错了设备");
        page.Find(".ah-portal-withdraw").Click();

        Assert.Equal(new WithdrawCommand("填错了设备"), Assert.Single(Cases.Calls, c => c.Command == "withdraw").Argument);
    }

    [Fact]
    public void NoWithdrawal_ShouldBeOffered_OnceTheNextStepActed()
    {
        Cases.Cases[_id] = CaseFixtures.UseRegistration(_id, canWithdraw: false);

        var page = Render<CasePage>(p => p.Add(c => c.Id, _id));

        Assert.Empty(page.FindAll(".ah-portal-withdraw"));
    }

    [Fact]
    public void ACaseOutsideTheUsersReach_ShouldReadAsNotFound()
    {
        var page = Render<CasePage>(p => p.Add(c => c.Id, _id));

        Assert.Contains($"没有编号为 {_id} 的案件", page.Find(".ah-portal-alert.ant-alert-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(page.FindAll(".ah-diagram"));
    }
}
