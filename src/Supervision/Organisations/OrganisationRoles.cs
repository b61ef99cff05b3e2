namespace ApprovalHub.Supervision.Organisations;

/// <summary>What an organisation does in the registry; one organisation may do several.</summary>
[Flags]
public enum OrganisationRoles
{
    /// <summary>No role yet.</summary>
    None = 0,

    /// <summary>使用单位: uses equipment and answers for its safe use.</summary>
    UserUnit = 1,

    /// <summary>制造单位: manufactures equipment (licensed under TSG 07-2019).</summary>
    Manufacturer = 2,

    /// <summary>安装改造修理单位: installs, renovates and repairs (licensed).</summary>
    Installer = 4,

    /// <summary>维保单位: maintains lifts and other equipment.</summary>
    MaintenanceUnit = 8,

    /// <summary>检验机构: inspection body.</summary>
    InspectionBody = 16,
}
