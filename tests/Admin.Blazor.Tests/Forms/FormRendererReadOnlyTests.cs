using ApprovalHub.Admin.Blazor.Components.Forms;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Forms;

/// <summary>A submitted form as officials and applicants read it.</summary>
public sealed class FormRendererReadOnlyTests : FormRendererTestBase
{
    [Fact]
    public void ReadOnly_ShouldShowValuesAsTextWithOptionLabelsAndNoInputs()
    {
        var store = new FakeFormFileStore();
        store.Add("file-9", "检验报告.pdf");
        Services.AddSingleton<IFormFileStore>(store);

        var form = RenderForm(FormTestSchemas.Everything, readOnly: true, value: """
            { "equipmentCode": "31101089020260000123", "reason": "改造后\n复检", "pressure": 1.6, "category": "3000", "kind": "b",
              "agree": true, "optional": false, "items": ["clean", "check"], "day": "2026-03-02", "when": "2026-03-01T18:30:00Z",
              "report": "file-9", "contactName": "张伟", "person": { "idNumber": "33010619900101123X" },
              "cylinders": [ { "serialNo": "A1", "volume": 40 }, { "serialNo": "B2" } ] }
            """);

        Assert.Empty(form.FindAll("input, textarea, select"));
        var shown = form.FindAll(".ah-form-readonly-field")
            .ToDictionary(f => f.QuerySelector(".ah-form-readonly-label")!.TextContent + "#" + f.Closest("section")?.GetAttribute("aria-label"),
                f => f.QuerySelector(".ah-form-readonly-value")!.TextContent.Trim());
        Assert.Equal("31101089020260000123", shown["设备代码#"]);
        Assert.Equal("改造后\n复检", shown["原因#"]);
        Assert.Equal("1.6", shown["工作压力#"]);
        Assert.Equal("电梯", shown["设备种类#"]);
        Assert.Equal("乙", shown["类别#"]);
        Assert.Equal("是", shown["已阅知#"]);
        Assert.Equal("否", shown["可选#"]);
        Assert.Equal("清洁、检查", shown["项目#"]);
        Assert.Equal("2026-03-02", shown["日期#"]);
        Assert.Equal("未填写", shown["时间#"]);
        Assert.Equal("2026-03-02 02:30", shown["发生时间#"]);
        Assert.Equal("检验报告.pdf", shown["报告#"]);
        Assert.Equal("33010619900101123X", shown["身份证号#"]);
        Assert.Equal("A1", shown["出厂编号#气瓶 第1项"]);
        Assert.Equal("未填写", shown["容积#气瓶 第2项"]);
        Assert.Equal("/files/file-9", form.Find(".ah-form-readonly-value a").GetAttribute("href"));
        Assert.Empty(form.FindAll("button"));
    }
}
