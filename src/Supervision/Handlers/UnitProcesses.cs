namespace ApprovalHub.Supervision.Handlers;

/// <summary>
/// The process keys of definitions/catalog.yaml that a handler treats specially (which status a
/// <c>registry.changeStatus</c> task sets, which inspection a result records). Handlers called from
/// other processes follow the general rule of their type.
/// </summary>
public static class UnitProcesses
{
    /// <summary>05 产品数据表申报与赋码.</summary>
    public const string ProductCoding = "unit_05_product_coding";

    /// <summary>07 检验任务派发与报告.</summary>
    public const string InspectionReport = "unit_07_inspection_report";

    /// <summary>08 检验不合格整改与复检.</summary>
    public const string Reinspection = "unit_08_rectification_reinspection";

    /// <summary>09 延期检验申请.</summary>
    public const string Postponement = "unit_09_inspection_postponement";

    /// <summary>10 电梯自行检测.</summary>
    public const string SelfTest = "unit_10_elevator_self_test";

    /// <summary>11 使用登记（首次）.</summary>
    public const string UseRegistration = "unit_11_use_registration";

    /// <summary>12 变更登记.</summary>
    public const string ChangeRegistration = "unit_12_change_registration";

    /// <summary>13 停用.</summary>
    public const string Suspension = "unit_13_suspension";

    /// <summary>14 启用.</summary>
    public const string Restart = "unit_14_restart";

    /// <summary>15 报废注销.</summary>
    public const string Scrapping = "unit_15_scrapping";

    /// <summary>16 补证.</summary>
    public const string CertificateReissue = "unit_16_certificate_reissue";

    /// <summary>17 按单位登记.</summary>
    public const string UnitRegistration = "unit_17_unit_registration";

    /// <summary>18 安装告知.</summary>
    public const string InstallationNotice = "unit_18_installation_notice";

    /// <summary>19 改造告知.</summary>
    public const string RenovationNotice = "unit_19_renovation_notice";

    /// <summary>20 重大修理告知.</summary>
    public const string MajorRepairNotice = "unit_20_major_repair_notice";

    /// <summary>21 移装告知.</summary>
    public const string RelocationNotice = "unit_21_relocation_notice";

    /// <summary>23 监督检验报告与验收.</summary>
    public const string SupervisoryReport = "unit_23_supervisory_report";

    /// <summary>29 隐患自查上报.</summary>
    public const string SelfCheck = "unit_29_self_check";

    /// <summary>30 公众扫码投诉举报.</summary>
    public const string PublicComplaint = "unit_30_public_complaint";

    /// <summary>31 隐患整改闭环.</summary>
    public const string HazardRectification = "unit_31_hazard_rectification";

    /// <summary>33 事故报告与调查.</summary>
    public const string Accident = "unit_33_accident";

    /// <summary>34 物联告警处置.</summary>
    public const string IotAlarm = "unit_34_iot_alarm";

    /// <summary>Step 2 台台检验.</summary>
    public const string InspectionStep = "step_2_inspection";
}
