using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Admin.Blazor.Components.Forms;
using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Supervision.Cases.Contracts;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

public sealed class ApplyPageTests : PortalTestBase
{
    private const string Postponement = """
        { "equipmentCode": "31101089020260000123", "category": "3000", "variety": "3110", "address": "杭州市西湖区文三路1号",
          "validUntil": "2026-12-31", "requestedDate": "2027-03-31", "reason": "stopped", "explanation": "设备停用改造中，无法按期检验。" }
        """;

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void Apply_ShouldDrawTheUnitsFormWithItsFacts()
    {
        var page = Render<ApplyPage>(p => p.Add(a => a.Code, "09"));

        Assert.Equal("申请：09 延期检验申请", page.Find("h1").TextContent);
        Assert.Contains("县级监管部门", page.Find(".ah-portal-unit-facts").TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.Find($"#{FormIds.For(page.Find("form.ah-form").Id!, "explanation")}"));
    }

    [Fact]
    public void Apply_ShouldStartTheCaseWithTheDraftsData_AndOpenIt()
    {
        var draft = Draft("09", Postponement);
        var page = Render<ApplyPage>(p => p.Add(a => a.Code, "09"));

        page.Find("form.ah-form").Submit();

        var (command, argument) = Assert.Single(Cases.Calls, c => c.Command == "start");
        var application = Assert.IsType<StartApplication>(argument);
        Assert.Equal(draft.Id, application.DraftId);
        Assert.Equal(JsonNode.Parse(Postponement)!.ToJsonString(Readable), application.Data!.ToJsonString(Readable));
        Assert.EndsWith($"portal/cases/{Cases.StartedInstance}?started=true", Services.GetRequiredService<NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ShouldSendNothing_WhileTheFormBreaksARule()
    {
        var page = Render<ApplyPage>(p => p.Add(a => a.Code, "09"));

        page.Find("form.ah-form").Submit();

        Assert.DoesNotContain(Cases.Calls, c => c.Command == "start");
        Assert.Contains("情况说明为必填项", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void TheServersFieldErrors_ShouldLandOnTheirFields()
    {
        Draft("09", Postponement);
        Cases.Refuse = new CaseException(CaseErrorKind.Invalid, "表单有误", new Dictionary<string, string[]>
        {
            ["equipmentCode"] = ["设备 31101089020260000123 不在您的单位名下"],
            ["deviceCode"] = ["无法确定办理地区"],
        });
        var page = Render<ApplyPage>(p => p.Add(a => a.Code, "09"));

        page.Find("form.ah-form").Submit();

        var id = FormIds.For(page.Find("form.ah-form").Id!, "equipmentCode");
        Assert.Equal("设备 31101089020260000123 不在您的单位名下", page.Find($"#{id}-errors").TextContent.Trim());
        Assert.Equal("无法确定办理地区", page.Find(".ah-form-summary li").TextContent);
    }

    [Fact]
    public void ARefusal_ShouldBeShownAsAMessage()
    {
        Draft("09", Postponement);
        Cases.Refuse = CaseException.Forbidden("“09 延期检验申请”由使用单位申报。");
        var page = Render<ApplyPage>(p => p.Add(a => a.Code, "09"));

        page.Find("form.ah-form").Submit();

        Assert.Equal("“09 延期检验申请”由使用单位申报。", page.Find(".ah-portal-alert.ant-alert-error").TextContent.Trim());
    }

    [Fact]
    public void SaveDraft_ShouldKeepWhatWasTyped_UncheckedAndDeleteShouldForgetIt()
    {
        var page = Render<ApplyPage>(p => p.Add(a => a.Code, "09"));
        var id = FormIds.For(page.Find("form.ah-form").Id!, "address");
        page.Find($"#{id}").Input("杭州市西湖区");
        page.Find($"#{id}").Change("杭州市西湖区");

        page.FindAll("button").Single(b => b.TextContent == "保存草稿").Click();

        Assert.Equal("""{"address":"杭州市西湖区"}""", Assert.IsType<JsonObject>(Assert.Single(Cases.Calls, c => c.Command == "saveDraft").Argument).ToJsonString(Readable));
        Assert.Contains("草稿已保存", page.Markup, StringComparison.Ordinal);

        page.FindAll("button").Single(b => b.TextContent == "删除草稿").Click();

        Assert.Empty(Cases.Drafts);
        Assert.Contains("草稿已删除", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void ADevice_ShouldBeFilledIn_WhenTheUserCameFromMyDevices()
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo("portal/apply/06?device=3110tc001202600001");

        var page = Render<ApplyPage>(p => p.Add(a => a.Code, "06"));

        Assert.Equal("3110TC001202600001", page.Find($"#{FormIds.For(page.Find("form.ah-form").Id!, "equipmentCode")}").GetAttribute("value"));
    }

    [Fact]
    public void AnUnknownUnit_ShouldSaySo()
    {
        var page = Render<ApplyPage>(p => p.Add(a => a.Code, "99"));

        Assert.Contains("没有编号为“99”的业务", page.Markup, StringComparison.Ordinal);
        Assert.Empty(page.FindAll("form.ah-form"));
    }

    private DraftView Draft(string unit, string json)
    {
        var now = new DateTimeOffset(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
        var draft = new DraftView(Guid.NewGuid(), unit, (JsonObject)JsonNode.Parse(json)!, now, now);
        Cases.Drafts[unit] = draft;
        return draft;
    }
}
