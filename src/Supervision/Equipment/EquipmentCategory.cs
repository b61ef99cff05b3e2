namespace ApprovalHub.Supervision.Equipment;

/// <summary>
/// The 种类 (top level) of the 2014 special-equipment catalog (特种设备目录, 原质检总局公告2014年第114号).
/// The eight equipment categories, plus pressure-piping components (7000) and safety accessories
/// (F000), which the catalog lists but which are not "equipment" in the registry sense.
/// Codes are strings: they contain letters (F000).
/// </summary>
public enum EquipmentCategory
{
    /// <summary>1000 锅炉.</summary>
    Boiler,

    /// <summary>2000 压力容器 (gas cylinders 2300 included).</summary>
    PressureVessel,

    /// <summary>3000 电梯.</summary>
    Lift,

    /// <summary>4000 起重机械.</summary>
    Crane,

    /// <summary>5000 场(厂)内专用机动车辆.</summary>
    InPlantVehicle,

    /// <summary>6000 大型游乐设施.</summary>
    AmusementRide,

    /// <summary>8000 压力管道.</summary>
    PressurePiping,

    /// <summary>9000 客运索道.</summary>
    PassengerRopeway,

    /// <summary>7000 压力管道元件 (components, not one of the eight equipment categories).</summary>
    PipingComponent,

    /// <summary>F000 安全附件 (safety accessories).</summary>
    SafetyAccessory,
}

/// <summary>Codes and names of <see cref="EquipmentCategory"/>.</summary>
public static class EquipmentCategories
{
    private static readonly (EquipmentCategory Category, char Lead, string Code, string ChineseName, string EnglishName)[] Table =
    [
        (EquipmentCategory.Boiler, '1', "1000", "锅炉", "Boilers"),
        (EquipmentCategory.PressureVessel, '2', "2000", "压力容器", "Pressure vessels"),
        (EquipmentCategory.Lift, '3', "3000", "电梯", "Lifts"),
        (EquipmentCategory.Crane, '4', "4000", "起重机械", "Cranes"),
        (EquipmentCategory.InPlantVehicle, '5', "5000", "场(厂)内专用机动车辆", "In-plant vehicles"),
        (EquipmentCategory.AmusementRide, '6', "6000", "大型游乐设施", "Amusement rides"),
        (EquipmentCategory.PipingComponent, '7', "7000", "压力管道元件", "Pressure piping components"),
        (EquipmentCategory.PressurePiping, '8', "8000", "压力管道", "Pressure piping"),
        (EquipmentCategory.PassengerRopeway, '9', "9000", "客运索道", "Passenger ropeways"),
        (EquipmentCategory.SafetyAccessory, 'F', "F000", "安全附件", "Safety accessories"),
    ];

    /// <summary>The eight categories supervised over a device's whole life.</summary>
    public static IReadOnlyList<EquipmentCategory> Equipment { get; } =
    [
        EquipmentCategory.Boiler, EquipmentCategory.PressureVessel, EquipmentCategory.Lift, EquipmentCategory.Crane,
        EquipmentCategory.InPlantVehicle, EquipmentCategory.AmusementRide, EquipmentCategory.PressurePiping,
        EquipmentCategory.PassengerRopeway,
    ];

    /// <summary>The 4-character catalog code of the category (<c>3000</c> for lifts).</summary>
    public static string Code(this EquipmentCategory category) => Row(category).Code;

    /// <summary>The Chinese name (电梯).</summary>
    public static string ChineseName(this EquipmentCategory category) => Row(category).ChineseName;

    /// <summary>The English name (Lifts).</summary>
    public static string EnglishName(this EquipmentCategory category) => Row(category).EnglishName;

    /// <summary>The category whose code starts with <paramref name="lead"/>, if any.</summary>
    internal static EquipmentCategory? FromLead(char lead)
    {
        foreach (var row in Table)
        {
            if (row.Lead == lead)
            {
                return row.Category;
            }
        }

        return null;
    }

    private static (EquipmentCategory Category, char Lead, string Code, string ChineseName, string EnglishName) Row(EquipmentCategory category)
    {
        foreach (var row in Table)
        {
            if (row.Category == category)
            {
                return row;
            }
        }

        throw new ArgumentOutOfRangeException(nameof(category), category, "Not a catalog category.");
    }
}
