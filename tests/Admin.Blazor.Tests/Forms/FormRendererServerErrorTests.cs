using Bunit;

namespace ApprovalHub.Admin.Blazor.Tests.Forms;

/// <summary>The server's ValidationProblemDetails keys land on the fields they name.</summary>
public sealed class FormRendererServerErrorTests : FormRendererTestBase
{
    private static readonly Dictionary<string, string[]> Errors = new()
    {
        ["equipmentCode"] = ["设备代码已登记"],
        ["person.idNumber"] = ["身份证号格式不正确"],
        ["cylinders[0].serialNo"] = ["出厂编号为必填项"],
        ["photos[1]"] = ["照片第2项应为已上传文件的编号"],
        [""] = ["提交的内容不是有效的JSON"],
        ["deviceCode"] = ["设备不存在"],
    };

    [Fact]
    public void ServerErrors_ShouldAppearOnTheirFields_AndTheRestAboveTheForm()
    {
        var form = RenderForm(FormTestSchemas.Everything, value: FormTestSchemas.EverythingValid, serverErrors: Errors);

        Assert.Equal(["设备代码已登记"], ErrorsOf(form, IdOf(form, "equipmentCode")));
        Assert.Equal(["身份证号格式不正确"], ErrorsOf(form, IdOf(form, "person.idNumber")));
        Assert.Equal(["出厂编号为必填项"], ErrorsOf(form, IdOf(form, "cylinders[0].serialNo")));
        Assert.Equal(["照片第2项应为已上传文件的编号"], ErrorsOf(form, IdOf(form, "photos")));
        Assert.Equal(["提交的内容不是有效的JSON", "设备不存在"], form.FindAll(".ah-form-summary li").Select(li => li.TextContent));
    }

    [Fact]
    public void AServerError_ShouldGoAway_WhenTheUserChangesItsField()
    {
        var form = RenderForm(FormTestSchemas.Everything, value: FormTestSchemas.EverythingValid, serverErrors: Errors);

        Type(form, IdOf(form, "equipmentCode"), "31101089020260000124");

        Assert.Empty(ErrorsOf(form, IdOf(form, "equipmentCode")));
        Assert.Equal(["身份证号格式不正确"], ErrorsOf(form, IdOf(form, "person.idNumber")));
    }

    [Fact]
    public void ServerErrorsOfAList_ShouldGoAway_WhenItsItemsMove()
    {
        var form = RenderForm(FormTestSchemas.Everything, value: FormTestSchemas.EverythingValid, serverErrors: Errors);

        form.FindAll("button").Single(b => b.TextContent.Contains("添加一项", StringComparison.Ordinal)).Click();

        Assert.Empty(ErrorsOf(form, IdOf(form, "cylinders[0].serialNo")));
    }

    [Fact]
    public void NewServerErrors_ShouldReplaceTheOldOnes_WhenThePageHandsThemIn()
    {
        var form = RenderForm(FormTestSchemas.Everything, value: FormTestSchemas.EverythingValid, serverErrors: Errors);

        form.Render(p => p.Add(f => f.ServerErrors, new Dictionary<string, string[]> { ["kind"] = ["类别的值不在可选项中"] }));

        Assert.Empty(ErrorsOf(form, IdOf(form, "equipmentCode")));
        Assert.Equal(["类别的值不在可选项中"], ErrorsOf(form, IdOf(form, "kind")));
        Assert.Empty(form.FindAll(".ah-form-summary"));
    }
}
