using ApprovalHub.Admin.Blazor.Localization;
using Bunit;

namespace ApprovalHub.Admin.Blazor.Tests.Forms;

/// <summary>Each rule the server enforces is checked before sending, shown on its field, and blocks the submission.</summary>
public sealed class FormRendererValidationTests : FormRendererTestBase
{
    [Fact]
    public void Required_ShouldBlockTheSubmissionAndMarkTheField_WhenEmpty()
    {
        var form = RenderForm(FormTestSchemas.With("""{ "type": "textfield", "key": "name", "label": "单位名称", "validate": { "required": true } }"""));
        var id = IdOf(form, "name");

        Assert.Empty(ErrorsOf(form, id));
        form.Find("form").Submit();

        Assert.Null(Submitted);
        Assert.Equal(["单位名称为必填项"], ErrorsOf(form, id));
        Assert.Equal("true", form.Find($"#{id}").GetAttribute("aria-invalid"));
        Assert.Contains("ant-form-item-has-error", form.Find($"#{id}-errors").ParentElement!.ParentElement!.ParentElement!.ClassName, StringComparison.Ordinal);
        Assert.Contains("ant-form-item-required", form.Find($"#{id}-label").ClassName, StringComparison.Ordinal);
    }

    [Fact]
    public void AValidForm_ShouldBeSubmittedWithExactlyTheDataTheServerValidates()
    {
        var form = RenderForm(FormTestSchemas.Everything, value: FormTestSchemas.EverythingValid);

        form.Find("form").Submit();

        Assert.NotNull(Submitted);
        Assert.Equal(
            """{"equipmentCode":"31101089020260000123","kind":"a","agree":true,"items":["clean"],"contactName":"张伟","person":{"idNumber":"33010619900101123X"},"cylinders":[{"serialNo":"A1","volume":40}]}""",
            Json(Submitted));
    }

    [Fact]
    public void AnError_ShouldShowOnceTheFieldIsChanged_AndNotBefore()
    {
        var form = RenderForm(FormTestSchemas.With("""
            { "type": "textfield", "key": "code", "label": "设备代码", "validate": { "pattern": "^[0-9]{20}$" } },
            { "type": "textfield", "key": "name", "label": "名称", "validate": { "required": true } }
            """));

        Type(form, IdOf(form, "code"), "ABC");

        Assert.Equal(["设备代码格式不正确"], ErrorsOf(form, IdOf(form, "code")));
        Assert.Empty(ErrorsOf(form, IdOf(form, "name")));
        Type(form, IdOf(form, "code"), "31101089020260000123");
        Assert.Empty(ErrorsOf(form, IdOf(form, "code")));
    }

    [Theory]
    [InlineData("""{ "type": "textfield", "key": "f", "label": "名称", "validate": { "minLength": 3 } }""", """{ "f": "ab" }""", "名称至少需要3个字")]
    [InlineData("""{ "type": "textarea", "key": "f", "label": "说明", "validate": { "maxLength": 3 } }""", """{ "f": "abcd" }""", "说明最多3个字")]
    [InlineData("""{ "type": "textfield", "key": "f", "label": "说明" }""", null, "说明最多1000个字")]
    [InlineData("""{ "type": "textfield", "key": "f", "label": "电话", "validate": { "pattern": "^1[3-9][0-9]{9}$" } }""", """{ "f": "12345" }""", "电话格式不正确")]
    [InlineData("""{ "type": "number", "key": "f", "label": "容积", "validate": { "min": 1 } }""", """{ "f": 0.5 }""", "容积不能小于1")]
    [InlineData("""{ "type": "number", "key": "f", "label": "压力", "validate": { "max": 1.6 } }""", """{ "f": 2 }""", "压力不能大于1.6")]
    [InlineData("""{ "type": "select", "key": "f", "label": "种类", "values": [ { "value": "a", "label": "甲" } ] }""", """{ "f": "z" }""", "种类的值“z”不在可选项中")]
    [InlineData("""{ "type": "radio", "key": "f", "label": "结论", "values": [ { "value": "a", "label": "甲" } ] }""", """{ "f": "z" }""", "结论的值“z”不在可选项中")]
    [InlineData("""{ "type": "checkbox", "key": "f", "label": "已阅知", "validate": { "required": true } }""", """{ "f": false }""", "已阅知须勾选")]
    [InlineData("""{ "type": "checklist", "key": "f", "label": "项目", "values": [ { "value": "a", "label": "甲" } ], "validate": { "required": true } }""", null, "项目为必填项")]
    [InlineData("""{ "type": "checklist", "key": "f", "label": "项目", "values": [ { "value": "a", "label": "甲" }, { "value": "b", "label": "乙" } ], "validate": { "maxLength": 1 } }""", """{ "f": ["a", "b"] }""", "项目最多1项")]
    [InlineData("""{ "type": "datetime", "subtype": "date", "key": "f", "label": "日期" }""", """{ "f": "2026-02-30" }""", "日期应为日期（如 2026-03-02）")]
    [InlineData("""{ "type": "datetime", "subtype": "time", "key": "f", "label": "时间" }""", """{ "f": "25:00" }""", "时间应为时间（如 09:30）")]
    [InlineData("""{ "type": "filepicker", "key": "f", "label": "报告", "validate": { "required": true } }""", null, "报告为必填项")]
    [InlineData("""{ "type": "filepicker", "key": "f", "label": "报告" }""", """{ "f": "../secret" }""", "报告应为已上传文件的编号")]
    public void EachRule_ShouldBeReportedOnItsField_WhenTheDataBreaksIt(string component, string? data, string message)
    {
        // The 1,000-character default limit of a textfield without its own maxLength.
        data ??= component.Contains("说明", StringComparison.Ordinal) ? $$"""{ "f": "{{new string('字', 1001)}}" }""" : null;
        var form = RenderForm(FormTestSchemas.With(component), value: data);

        form.Find("form").Submit();

        Assert.Null(Submitted);
        Assert.Equal([message], ErrorsOf(form, IdOf(form, "f")));
    }

    [Fact]
    public void Dynamiclist_ShouldNeedAtLeastOneItem_WhenRequired_AndCheckEachItemsFields()
    {
        var form = RenderForm(FormTestSchemas.With("""
            { "type": "dynamiclist", "path": "staff", "label": "安全员", "defaultRepetitions": 1, "validate": { "required": true }, "components": [
              { "type": "textfield", "key": "name", "label": "姓名", "validate": { "required": true } } ] }
            """));

        form.Find("form").Submit();
        Assert.Equal(["姓名为必填项"], ErrorsOf(form, IdOf(form, "staff[0].name")));

        form.FindAll("button").Single(b => b.TextContent.Contains("删除第1项", StringComparison.Ordinal)).Click();
        Assert.Equal(["安全员至少需要1项"], ErrorsOf(form, IdOf(form, "staff")));
        Assert.Null(Submitted);
    }

    [Fact]
    public void Messages_ShouldBeInEnglish_WhenTheUserChoseEnglish()
    {
        UseCulture(SupportedCultures.English);
        var form = RenderForm(FormTestSchemas.With("""
            { "type": "textfield", "key": "name", "label": "单位名称", "validate": { "required": true } },
            { "type": "number", "key": "volume", "label": "容积", "validate": { "min": 1 } }
            """), value: """{ "volume": 0 }""");

        form.Find("form").Submit();

        Assert.Equal(["单位名称 is required"], ErrorsOf(form, IdOf(form, "name")));
        Assert.Equal(["容积 must not be less than 1"], ErrorsOf(form, IdOf(form, "volume")));
    }

    [Fact]
    public async Task Validate_ShouldTellAPageWhetherTheDataMayBeSent_WithoutSubmitting()
    {
        var form = RenderForm(FormTestSchemas.With("""{ "type": "textfield", "key": "name", "label": "名称", "validate": { "required": true } }"""));

        Assert.Equal("{}", Json(form.Instance.Submission()));
        Assert.False(await form.InvokeAsync(() => form.Instance.Validate()));
        Assert.Equal(["名称为必填项"], ErrorsOf(form, IdOf(form, "name")));
        Assert.Null(Submitted);
    }

    [Fact]
    public void ADraftOfAnOlderForm_ShouldLeaveOutFieldsTheFormNoLongerHas_AndSayWhich()
    {
        var form = RenderForm(FormTestSchemas.With("""{ "type": "textfield", "key": "name", "label": "名称" }"""),
            value: """{ "name": "甲", "fax": "0571-1234" }""");

        Assert.Contains("fax", form.Find(".ah-form-dropped").TextContent, StringComparison.Ordinal);
        Assert.Equal("""{"name":"甲"}""", Json(form.Instance.Submission()));
    }
}
