using ApprovalHub.Host.Security;

namespace ApprovalHub.Host.Demo;

/// <summary>
/// The demo accounts: one per role, and a regulator at every level down one branch of the region
/// tree (national → 浙江 → 杭州 → 西湖区 → a 西湖区 street) plus a neighbouring county (上城区) to
/// show that counties do not see each other. Created only in demo mode; listed in README.md.
/// </summary>
internal static class DemoUsers
{
    /// <summary>The password of every demo account. Demo mode only: production starts with no accounts.</summary>
    public const string Password = "Demo-ApprovalHub-2026";

    /// <summary>The demo inspection body (检验检测机构).</summary>
    public const long InspectionBodyId = 1001;

    /// <summary>The demo user unit (使用单位), located in 西湖区.</summary>
    public const long UserUnitId = 2001;

    /// <summary>The demo manufacturer/installer (生产单位).</summary>
    public const long ProducerId = 3001;

    public static IReadOnlyList<DemoUser> All { get; } =
    [
        new("demo.national", "国家市场监管总局 特种设备局（演示）", Roles.Regulator, "100000", null),
        new("demo.province", "浙江省市场监管局（演示）", Roles.Regulator, "330000", null),
        new("demo.city", "杭州市市场监管局（演示）", Roles.Regulator, "330100", null),
        new("demo.county", "西湖区市场监管局（演示）", Roles.Regulator, "330106", null),
        new("demo.county.shangcheng", "上城区市场监管局（演示）", Roles.Regulator, "330102", null),
        new("demo.street", "西湖区 330106001 街道市场监管所（演示）", Roles.Regulator, "330106001000", null),
        new("demo.inspector", "演示检验检测机构", Roles.Inspector, null, InspectionBodyId),
        new("demo.enterprise", "演示使用单位", Roles.Enterprise, "330106", UserUnitId),
        new("demo.producer", "演示生产单位", Roles.Producer, null, ProducerId),
        new("demo.analyst", "流程分析员（演示）", Roles.Analyst, null, null),
        new("demo.admin", "平台管理员（演示）", Roles.Admin, null, null),
    ];
}

/// <summary>One demo account.</summary>
internal sealed record DemoUser(string UserName, string DisplayName, string Role, string? RegionCode, long? OrganisationId);
