using AntDesign;
using ApprovalHub.Admin.Blazor.Components.Forms;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Forms;

/// <summary>Every field type: drawn with a bound label, edited like a user would, and producing the JSON the server validates.</summary>
public sealed class FormRendererFieldTests : FormRendererTestBase
{
    private const string Options = """[ { "value": "3000", "label": "电梯" }, { "value": "4000", "label": "起重机械" } ]""";

    [Fact]
    public void Textfield_ShouldBindItsLabelAndSetATextValue_WhenTheUserTypes()
    {
        var form = RenderForm(FormTestSchemas.With("""{ "type": "textfield", "key": "name", "label": "单位名称", "description": "与营业执照一致" }"""));
        var id = IdOf(form, "name");

        Assert.Equal(id, form.Find($"label[for='{id}']").GetAttribute("for"));
        Assert.Contains("单位名称", form.Find($"label[for='{id}']").TextContent, StringComparison.Ordinal);
        Assert.Equal("与营业执照一致", form.Find($"#{id}-description").TextContent.Trim());
        Type(form, id, "杭州电梯有限公司");
        Assert.Equal("""{"name":"杭州电梯有限公司"}""", Json(Changed));

        Type(form, id, "");
        Assert.Equal("{}", Json(Changed));
    }

    [Fact]
    public void Textarea_ShouldSetATextValue_WhenTheUserTypes()
    {
        var form = RenderForm(FormTestSchemas.With("""{ "type": "textarea", "key": "reason", "label": "原因", "validate": { "maxLength": 200 } }"""));
        var id = IdOf(form, "reason");

        Assert.Equal("TEXTAREA", form.Find($"#{id}").TagName);
        Assert.NotNull(form.Find($"label[for='{id}']"));
        Type(form, id, "第一行\n第二行");
        Assert.Equal("""{"reason":"第一行\n第二行"}""", Json(Changed));
    }

    [Fact]
    public void Number_ShouldSetAJsonNumber_WhenTheUserTypesDigits()
    {
        var form = RenderForm(FormTestSchemas.With("""{ "type": "number", "key": "pressure", "label": "工作压力", "decimalDigits": 2 }"""));
        var input = $"{IdOf(form, "pressure")}_input";

        Assert.NotNull(form.Find($"label[for='{input}']"));
        form.Find($"#{input}").Change("1.25");
        Assert.Equal("""{"pressure":1.25}""", Json(Changed));
    }

    [Fact]
    public void Select_ShouldSetTheOptionValue_WhenTheUserPicksItsLabel()
    {
        var form = RenderForm(FormTestSchemas.With($$"""{ "type": "select", "key": "category", "label": "设备种类", "values": {{Options}} }"""));
        var id = IdOf(form, "category");

        Assert.NotNull(form.Find($"#{id}_list[role='combobox']"));
        Assert.NotNull(form.Find($"label[for='{id}_list']"));
        form.FindAll(".ant-select-item-option").Single(o => o.TextContent.Trim() == "起重机械").Click();
        Assert.Equal("""{"category":"4000"}""", Json(Changed));
    }

    [Fact]
    public void Radio_ShouldBeANamedRadioGroupAndSetTheValue_WhenTheUserPicksAnOption()
    {
        var form = RenderForm(FormTestSchemas.With($$"""{ "type": "radio", "key": "category", "label": "设备种类", "values": {{Options}} }"""));
        var id = IdOf(form, "category");

        var group = form.Find("[role='radiogroup']");
        Assert.Equal($"{id}-label", group.GetAttribute("aria-labelledby"));
        Assert.Equal("设备种类", form.Find($"#{id}-label").TextContent.Trim());
        Assert.All(form.FindAll("input[type='radio']"), r => Assert.Equal(id, r.GetAttribute("name")));
        form.FindAll("label.ant-radio-wrapper").Single(l => l.TextContent.Trim() == "电梯").Click();
        Assert.Equal("""{"category":"3000"}""", Json(Changed));
    }

    [Fact]
    public void Checkbox_ShouldCarryItsOwnLabelAndSetTrueOrFalse_WhenTicked()
    {
        var form = RenderForm(FormTestSchemas.With("""{ "type": "checkbox", "key": "agree", "label": "已阅知" }"""));
        var id = IdOf(form, "agree");

        Assert.Contains("已阅知", form.Find($"label[for='{id}']").TextContent, StringComparison.Ordinal);
        form.Find($"#{id}").Change(true);
        Assert.Equal("""{"agree":true}""", Json(Changed));
        form.Find($"#{id}").Change(false);
        Assert.Equal("""{"agree":false}""", Json(Changed));
    }

    [Fact]
    public void Checklist_ShouldSetTheTickedValuesInOptionOrder_WhenTheUserTicksSeveral()
    {
        var form = RenderForm(FormTestSchemas.With($$"""{ "type": "checklist", "key": "categories", "label": "设备种类", "values": {{Options}} }"""));
        var id = IdOf(form, "categories");

        Assert.Equal($"{id}-label", form.Find("[role='group']").GetAttribute("aria-labelledby"));
        var boxes = form.FindAll("input[type='checkbox']");
        form.FindAll("input[type='checkbox']")[1].Change(true);
        form.FindAll("input[type='checkbox']")[0].Change(true);
        Assert.Equal(2, boxes.Count);
        Assert.Equal("""{"categories":["3000","4000"]}""", Json(Changed));

        form.FindAll("input[type='checkbox']")[0].Change(false);
        form.FindAll("input[type='checkbox']")[1].Change(false);
        Assert.Equal("{}", Json(Changed));
    }

    [Theory]
    [InlineData("date", 2026, 3, 2, 0, 0, "2026-03-02")]
    [InlineData("time", 1, 1, 1, 9, 30, "09:30")]
    [InlineData("datetime", 2026, 3, 2, 9, 30, "2026-03-02T09:30+08:00")]
    public async Task Datetime_ShouldSubmitTheServersTextForm_WhenAValueIsPicked(string subtype, int year, int month, int day, int hour, int minute, string expected)
    {
        var form = RenderForm(FormTestSchemas.With($$"""{ "type": "datetime", "subtype": "{{subtype}}", "key": "when", "label": "时间" }"""));
        var picker = form.FindComponent<DatePicker<DateTime?>>();

        Assert.Equal($"{IdOf(form, "when")}-label", form.Find("[role='group']").GetAttribute("aria-labelledby"));
        await form.InvokeAsync(() => picker.Instance.ValueChanged.InvokeAsync(new DateTime(year, month, day, hour, minute, 0)));
        Assert.Equal($$"""{"when":"{{expected}}"}""", Json(Changed));
    }

    [Fact]
    public void Datetime_ShouldShowTheStoredValueInBeijingTime_WhenTheTextHasAnotherOffset()
    {
        var form = RenderForm(FormTestSchemas.With("""{ "type": "datetime", "subtype": "datetime", "key": "when", "label": "时间" }"""),
            value: """{ "when": "2026-03-01T18:30:00Z" }""");

        Assert.Equal(new DateTime(2026, 3, 2, 2, 30, 0), form.FindComponent<DatePicker<DateTime?>>().Instance.Value);
    }

    [Fact]
    public void Group_WithAPath_ShouldNestItsFieldsInAnObject_AndAFlatGroupShouldNot()
    {
        var form = RenderForm(FormTestSchemas.With("""
            { "type": "group", "label": "联系人", "components": [ { "type": "textfield", "key": "contactName", "label": "联系人" } ] },
            { "type": "group", "label": "作业人员", "path": "person", "components": [ { "type": "textfield", "key": "name", "label": "姓名" } ] }
            """));

        Assert.Equal(["联系人", "作业人员"], form.FindAll("fieldset > legend").Select(l => l.TextContent.Trim()));
        Type(form, IdOf(form, "contactName"), "张伟");
        Type(form, IdOf(form, "person.name"), "李娜");
        Assert.Equal("""{"person":{"name":"李娜"},"contactName":"张伟"}""", Json(Changed));
    }

    [Fact]
    public void Dynamiclist_ShouldStartWithItsDefaultItemsAndAddAndRemoveItems()
    {
        var form = RenderForm(FormTestSchemas.With("""
            { "type": "dynamiclist", "path": "items", "label": "气瓶", "defaultRepetitions": 1, "allowAddRemove": true, "components": [
              { "type": "textfield", "key": "serialNo", "label": "出厂编号" } ] }
            """));

        Assert.Single(form.FindAll(".ah-form-list-item"));
        Type(form, IdOf(form, "items[0].serialNo"), "A1");
        form.FindAll("button").Single(b => b.TextContent.Contains("添加一项", StringComparison.Ordinal)).Click();
        Type(form, IdOf(form, "items[1].serialNo"), "B2");
        Assert.Equal("""{"items":[{"serialNo":"A1"},{"serialNo":"B2"}]}""", Json(Changed));

        form.FindAll("button").Single(b => b.TextContent.Contains("删除第1项", StringComparison.Ordinal)).Click();
        Assert.Equal("""{"items":[{"serialNo":"B2"}]}""", Json(Changed));
        Assert.Equal("B2", form.Find($"#{IdOf(form, "items[0].serialNo")}").GetAttribute("value"));
    }

    [Fact]
    public void Dynamiclist_ShouldOfferNoAddOrRemove_WhenTheSchemaForbidsIt()
    {
        var form = RenderForm(FormTestSchemas.With("""
            { "type": "dynamiclist", "path": "items", "label": "气瓶", "defaultRepetitions": 2, "allowAddRemove": false, "components": [
              { "type": "textfield", "key": "serialNo", "label": "出厂编号" } ] }
            """));

        Assert.Equal(2, form.FindAll(".ah-form-list-item").Count);
        Assert.Empty(form.FindAll("button[type='button']"));
    }

    [Fact]
    public void Defaults_ShouldStartANewForm_ButNotOverwriteADraft()
    {
        const string schema = """{ "id": "t", "components": [ { "type": "textfield", "key": "city", "label": "城市", "defaultValue": "杭州" }, { "type": "checkbox", "key": "ok", "label": "确认", "defaultValue": true } ] }""";

        var fresh = RenderForm(schema);
        Assert.Equal("""{"city":"杭州","ok":true}""", Json(fresh.Instance.Submission()));

        var draft = RenderForm(schema, value: """{ "city": "宁波" }""");
        Assert.Equal("""{"city":"宁波","ok":true}""", Json(draft.Instance.Submission()));
    }

    [Fact]
    public void DisplayComponents_ShouldShowTextAndLinesButCarryNoValue()
    {
        var form = RenderForm(FormTestSchemas.With("""{ "type": "text", "text": "请如实填写" }, { "type": "separator" }, { "type": "spacer" }"""));

        Assert.Equal("请如实填写", form.Find(".ah-form-text").TextContent);
        Assert.NotNull(form.Find("hr.ah-form-separator"));
        Assert.Equal("{}", Json(form.Instance.Submission()));
    }

    [Fact]
    public void Filepicker_ShouldUploadTheFileAndKeepOnlyItsId()
    {
        var store = new FakeFormFileStore();
        Services.AddSingleton<IFormFileStore>(store);
        var form = RenderForm(FormTestSchemas.With("""{ "type": "filepicker", "key": "report", "label": "检验报告", "accept": ".pdf" }"""));
        var id = IdOf(form, "report");

        Assert.NotNull(form.Find($"label[for='{id}']"));
        Assert.Equal(".pdf", form.Find($"input#{id}[type='file']").GetAttribute("accept"));
        form.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("%PDF-1.7", "报告.pdf", contentType: "application/pdf"));

        form.WaitForAssertion(() => Assert.Equal("""{"report":"file-1"}""", Json(Changed)));
        Assert.Equal("%PDF-1.7"u8.ToArray(), store.Files["file-1"].Content);
        Assert.Equal("/files/file-1", form.Find(".ah-form-file-list a").GetAttribute("href"));
        // One file only: the picker goes away until the file is removed.
        Assert.Empty(form.FindAll("input[type='file']"));

        form.Find(".ah-form-file-list button").Click();
        Assert.Equal("{}", Json(Changed));
        Assert.NotNull(form.Find("input[type='file']"));
    }

    [Fact]
    public void Filepicker_WithMultiple_ShouldCollectIds_AndRefuseWrongTypesAndLargeFiles()
    {
        Services.AddSingleton<IFormFileStore>(new FakeFormFileStore(maxFileBytes: 10));
        var form = RenderForm(FormTestSchemas.With("""{ "type": "filepicker", "key": "photos", "label": "现场照片", "multiple": true, "accept": ".jpg,image/png" }"""));

        form.FindComponent<InputFile>().UploadFiles(
            InputFileContent.CreateFromText("a", "1.jpg", contentType: "image/jpeg"),
            InputFileContent.CreateFromText("b", "2", contentType: "image/png"),
            InputFileContent.CreateFromText("c", "3.exe", contentType: "application/octet-stream"),
            InputFileContent.CreateFromText("much too large", "4.jpg", contentType: "image/jpeg"),
            InputFileContent.CreateFromText("d", "virus.jpg", contentType: "image/jpeg"));

        form.WaitForAssertion(() => Assert.Equal("""{"photos":["file-1","file-2"]}""", Json(Changed)));
        var messages = form.FindAll(".ah-form-files [role='alert']").Select(m => m.TextContent).ToList();
        Assert.Equal(3, messages.Count);
        Assert.Contains("“3.exe”不是允许的文件类型", messages[0], StringComparison.Ordinal);
        Assert.Contains("“4.jpg”超过", messages[1], StringComparison.Ordinal);
        Assert.Contains("文件未通过检查", messages[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Filepicker_ShouldSayUploadsAreUnavailable_WhenTheHostHasNoStore()
    {
        var form = RenderForm(FormTestSchemas.With("""{ "type": "filepicker", "key": "report", "label": "检验报告" }"""));

        Assert.Empty(form.FindAll("input[type='file']"));
        Assert.Equal("当前无法上传文件", form.Find(".ah-form-files .ah-form-muted").TextContent);
    }

    [Fact]
    public void Filepicker_ShouldNameTheFilesOfADraft_WhenTheStoreKnowsThem()
    {
        var store = new FakeFormFileStore();
        store.Add("f-1", "合格证.pdf");
        Services.AddSingleton<IFormFileStore>(store);

        var form = RenderForm(FormTestSchemas.With("""{ "type": "filepicker", "key": "photos", "label": "附件", "multiple": true }"""),
            value: """{ "photos": ["f-1", "f-2"] }""");

        Assert.Equal(["合格证.pdf", "f-2"], form.FindAll(".ah-form-file-list li").Select(li => li.TextContent.Trim()));
    }
}
