using ApprovalHub.Admin.Blazor.Components.Forms;
using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Admin.Blazor.Localization;
using ApprovalHub.Admin.Blazor.Tests.Support;
using ApprovalHub.Supervision.Cases.Catalog;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

/// <summary>How a catalog unit reads to an applicant: parties, time limits, what its form asks for, who may apply.</summary>
public sealed class UnitTermsTests : AdminTestBase
{
    private static readonly UnitCatalog Catalog = UnitCatalog.Shipped();

    private UnitTerms Terms => new(Services.GetRequiredService<IStringLocalizer<PortalText>>());

    [Theory]
    [InlineData("P15WD", false, "15 个工作日")]
    [InlineData("P20WD", true, "20 个工作日（默认值，可按地方规定配置）")]
    [InlineData("P30D", false, "30 天")]
    [InlineData("PT2H", false, "2 小时")]
    [InlineData("PT30M", false, "30 分钟")]
    public void Limit_ShouldReadAsWorkingDaysDaysHoursOrMinutes(string dueIn, bool configurable, string expected)
    {
        Assert.Equal(expected, Terms.Limit(new CatalogLimit("Task_decide", dueIn, configurable, "source", null)));
    }

    [Fact]
    public void Parties_ShouldNameTheLevelAndRole_InEitherLanguage()
    {
        Assert.Equal("市级监管部门", Terms.Party(new CatalogParty("regulator", "city")));
        Assert.Equal("维保单位", Terms.Party(new CatalogParty("maintenance", null)));
        UseCulture(SupportedCultures.English);
        Assert.Equal("city regulator", Terms.Party(new CatalogParty("regulator", "city")));
        Assert.Equal("15 working day(s)", Terms.Limit(new CatalogLimit("Task_decide", "P15WD", false, "source", null)));
    }

    [Fact]
    public void Summary_ShouldCountFieldsAndListTheDocumentsOfUseRegistration()
    {
        var summary = UnitTerms.Summarise(FormDefinition.Parse(Catalog.FormJson("unit-11-use-registration")!));

        Assert.Equal(16, summary.Fields);
        Assert.Equal(15, summary.Required);
        Assert.Equal(
            [new FormDocument("使用登记表", true), new FormDocument("产品合格证（含产品数据表）", true), new FormDocument("监督检验证明", true), new FormDocument("锅炉能效证明（锅炉）", false)],
            summary.Documents);
    }

    [Theory]
    [InlineData("11", "enterprise", true)]
    [InlineData("11", "producer", false)]
    [InlineData("01", "producer", true)]
    [InlineData("25", "enterprise", true)]
    [InlineData("32", "regulator", false)]
    [InlineData("30", "enterprise", false)]
    [InlineData("07", "enterprise", false)]
    public void MayApply_ShouldFollowTheCatalogsApplicantRole(string unit, string role, bool expected)
    {
        Assert.Equal(expected, UnitTerms.MayApply(Catalog.FindUnit(unit)!, r => r == role));
    }
}
