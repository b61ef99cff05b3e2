using ApprovalHub.Admin.Blazor.Components.Admin;
using ApprovalHub.Admin.Blazor.Components.Admin.Designer;
using ApprovalHub.Admin.Blazor.Components.Admin.Incidents;
using ApprovalHub.Admin.Blazor.Components.Admin.Instances;
using ApprovalHub.Admin.Blazor.Components.Admin.Migration;
using ApprovalHub.Admin.Blazor.Tests.Support;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Runtime.Migration;
using ApprovalHub.Workflows.Runtime.Records;
using ApprovalHub.Workflows.Runtime.State;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Admin;

/// <summary>The analysts' pages in their main states, against fake services.</summary>
public sealed class AdminPagesTests : AdminTestBase
{
    private static readonly DateTimeOffset Deployed = new(2026, 3, 1, 2, 30, 0, TimeSpan.Zero);
    private readonly FakeInstanceAdmin _instances = new();

    public AdminPagesTests()
    {
        AddAuthorization().SetAuthorized("demo.analyst").SetRoles("analyst");
        Services.AddSingleton<IInstanceAdmin>(_instances);
    }

    private static DefinitionOverview UseRegistration(bool draft = false) => new(
        "unit_11_use_registration",
        "11 使用登记（首次）",
        [new VersionOverview(2, Deployed, "demo.analyst", "draft:unit_11_use_registration", 1, 1), new VersionOverview(1, Deployed, "demo", "bpmn/unit-11-use-registration.bpmn", 3, 5)],
        draft ? Deployed : null,
        draft ? "demo.analyst" : null);

    private static InstanceListItem Instance(string key, int version, string businessKey, InstanceStatus status = InstanceStatus.Active) =>
        new(Guid.NewGuid(), key, version, businessKey, status, Deployed, null, null);

    [Fact]
    public void AdminHome_ShouldShowThePublishedVersionAndRunningInstancesPerVersion()
    {
        Services.AddSingleton<IDesignerService>(new FakeDesignerService(UseRegistration(draft: true)));

        var page = Render<AdminHomePage>();

        page.WaitForAssertion(() => Assert.Single(page.FindAll(".ah-admin-definitions tbody tr")));
        var cells = page.FindAll(".ah-admin-definitions tbody td").Select(td => td.TextContent.Trim()).ToList();
        Assert.Equal("unit_11_use_registration", cells[0]);
        Assert.StartsWith("v2", cells[2], StringComparison.Ordinal);
        Assert.Equal(["v2: 1", "v1: 3"], page.FindAll(".ah-version-count").Select(e => e.TextContent));
        Assert.Contains("共 4 个运行中", cells[3], StringComparison.Ordinal);
        Assert.Contains("草稿", cells[4], StringComparison.Ordinal);
    }

    [Fact]
    public void AdminHome_ShouldRefuseAnInvalidNewKeyAndExplainTheEmptyList()
    {
        Services.AddSingleton<IDesignerService>(new FakeDesignerService());

        var page = Render<AdminHomePage>();
        page.Find("#ah-new-key").Change("1 bad key");
        page.Find("form.ah-inline-form").Submit();

        Assert.Contains("标识以字母或下划线开头", page.Find(".ah-field-error").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find(".ah-admin-empty"));
        Assert.EndsWith("/", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);

        page.Find("#ah-new-key").Change("unit_35_lift_modernisation");
        page.Find("form.ah-inline-form").Submit();
        Assert.EndsWith("/admin/designer/unit_35_lift_modernisation", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void AdminHome_ShouldSpeakEnglishWhenTheUserChoseIt()
    {
        UseCulture("en-US");
        Services.AddSingleton<IDesignerService>(new FakeDesignerService(UseRegistration()));

        var page = Render<AdminHomePage>();

        page.WaitForAssertion(() => Assert.Contains("Process management", page.Find("h1").TextContent, StringComparison.Ordinal));
        Assert.Contains("4 running", page.Find(".ah-version-counts").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Instances_ShouldFilterByTheAddressAndMigrateOnlyOneProcessAtATime()
    {
        Services.AddSingleton<IDesignerService>(new FakeDesignerService(UseRegistration()));
        _instances.Instances.AddRange([
            Instance("unit_11_use_registration", 1, "SY-1"),
            Instance("unit_11_use_registration", 2, "SY-2"),
            Instance("unit_11_use_registration", 1, "SY-3", InstanceStatus.Completed),
        ]);
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("admin/instances?key=unit_11_use_registration");

        var page = Render<InstancesPage>();

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll(".ah-instances tbody tr").Count));
        Assert.Equal("unit_11_use_registration", _instances.LastFilter!.ProcessKey);
        var migrate = page.Find(".ah-migrate-selected");
        Assert.True(migrate.HasAttribute("disabled"));
        var boxes = page.FindAll(".ah-instances input[type=checkbox]");
        Assert.True(boxes[2].HasAttribute("disabled"));
        boxes[0].Change(true);
        page.Find(".ah-migrate-selected").Click();
        Assert.Contains($"/admin/migrate/unit_11_use_registration?ids={_instances.Instances[0].Id}", navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Incidents_ShouldRetryWithVariablesAndRefuseTextThatIsNotJson()
    {
        var incident = new IncidentRecord
        {
            Id = Guid.NewGuid(),
            InstanceId = Guid.NewGuid(),
            TokenId = "t1",
            ElementId = "route",
            Kind = IncidentKind.NoFlowMatched,
            Message = "No outgoing flow of 'route' has a condition that holds.",
            CreatedAt = Deployed,
        };
        _instances.Incidents.Add(new IncidentItem(incident, "unit_11_use_registration", 1, "SY-1"));

        var page = Render<IncidentsPage>();
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".ah-incidents tbody tr")));
        Assert.Contains("没有可走的分支", page.Find(".ah-incidents").TextContent, StringComparison.Ordinal);
        page.Find(".ah-incidents button").Click();
        page.Find("#ah-retry-vars").Change("level = county");
        page.Find(".ah-retry-form").Submit();
        Assert.Empty(_instances.Retries);
        Assert.Contains("JSON", page.Find(".ant-alert").TextContent, StringComparison.Ordinal);

        page.Find("#ah-retry-vars").Change("""{"level": "county"}""");
        page.Find(".ah-retry-form").Submit();

        var retry = Assert.Single(_instances.Retries);
        Assert.Equal((incident.Id, "county", "demo.analyst"), (retry.Incident, (string?)retry.Variables!["level"], retry.User));
    }

    [Fact]
    public void Incidents_ShouldSayWhenNothingIsOpen()
    {
        var page = Render<IncidentsPage>();

        page.WaitForAssertion(() => Assert.Contains("没有待处理的异常", page.Find(".ah-incidents-empty").TextContent, StringComparison.Ordinal));
    }

    [Fact]
    public void Migration_ShouldValidateTheMappingBeforeItCanRun()
    {
        var designer = new FakeDesignerService(UseRegistration());
        designer.Xml[("unit_11_use_registration", 2)] = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d">
              <process id="unit_11_use_registration" isExecutable="true">
                <startEvent id="Start_apply" /><sequenceFlow id="f" sourceRef="Start_apply" targetRef="Task_accept_v2" />
                <userTask id="Task_accept_v2" name="受理" />
              </process>
            </definitions>
            """;
        Services.AddSingleton<IDesignerService>(designer);
        var id = Guid.NewGuid();
        _instances.Checks = (plan, ids) => ids.Select(i => new InstanceMigrationCheck(i, "SY-1", 1, [new ElementMove("Task_accept", plan.Map("Task_accept"))],
            plan.Map("Task_accept") == "Task_accept_v2" ? [] : [new MigrationProblem(MigrationProblemCodes.Unmapped, "Task_accept", "'受理' is active.")])).ToList();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"admin/migrate/unit_11_use_registration?ids={id}");

        var page = Render<MigrationPage>(p => p.Add(m => m.Key, "unit_11_use_registration"));
        page.Find("#ah-target-version").Change("2");

        page.WaitForAssertion(() => Assert.NotNull(page.Find("#ah-map-Task_accept")));
        Assert.True(page.Find(".ah-run-migration").HasAttribute("disabled"));
        page.Find(".ah-validate-migration").Click();
        Assert.Contains("unmapped", page.Find(".ah-migration-checks").TextContent, StringComparison.Ordinal);
        Assert.True(page.Find(".ah-run-migration").HasAttribute("disabled"));

        page.Find("#ah-map-Task_accept").Change("Task_accept_v2");
        Assert.True(page.Find(".ah-run-migration").HasAttribute("disabled"));
        page.Find(".ah-validate-migration").Click();
        page.Find(".ah-run-migration").Click();

        var run = Assert.Single(_instances.Migrations);
        Assert.Equal(("Task_accept_v2", 2, "demo.analyst"), (run.Plan.Map("Task_accept"), run.Plan.TargetVersion, run.User));
        Assert.Equal([id], run.Ids);
        Assert.Contains("已迁移到 v2", page.Find(".ah-migration-checks").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void PropertyPanel_ShouldShowErrorsInPlaceAndSendOnlyValidChanges()
    {
        var sent = new List<ElementUpdate>();
        var model = new PropertyPanelModel(new SelectedElement("Task_accept", "bpmn:UserTask", "受理", new Dictionary<string, string> { ["ah:dueIn"] = "P5WD" }));

        var panel = Render<PropertyPanel>(p => p.Add(c => c.Model, model).Add(c => c.Changed, (ElementUpdate u) => sent.Add(u)));
        Assert.Equal("P5WD", panel.Find("#ah-prop-Prop_dueIn").GetAttribute("value"));
        panel.Find("#ah-prop-Prop_dueIn").Change("3 days");

        Assert.Empty(sent);
        Assert.Contains("P15WD", panel.Find(".ah-field-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", panel.Find("#ah-prop-Prop_dueIn").GetAttribute("aria-invalid"));

        panel.Find("#ah-prop-Prop_dueIn").Change("P3WD");
        Assert.Equal("P3WD", Assert.Single(sent).Attributes["ah:dueIn"]);
        Assert.Empty(panel.FindAll(".ah-field-error"));

        panel.FindAll("input[name=ah-approval-mode]")[2].Change(true);
        panel.Find("#ah-prop-collection").Change("${signers}");
        panel.Find(".ah-approval-mode button").Click();
        Assert.Equal(PropertyPanelModel.AnySignCondition, sent[^1].Loop!.CompletionCondition);
    }
}
