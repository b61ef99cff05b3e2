using ApprovalHub.Supervision.Equipment;

namespace ApprovalHub.Supervision.Codes;

/// <summary>
/// The configurable parts of <see cref="UseCertificateNumber"/> (configuration section
/// <c>Registry:UseCertificate</c>). Defaults follow domain.md section 2.5 a.
/// </summary>
public sealed class UseCertificateFormat
{
    /// <summary>
    /// The first character per category. 梯 (lifts), 起 (cranes) and 车 (in-plant vehicles) are seen
    /// in deployed systems [S]; 锅, 容, 管, 索 and 游 are a common claim [U] — override them here once
    /// the TSG 08-2017 annex is at hand.
    /// </summary>
    public Dictionary<EquipmentCategory, char> Characters { get; set; } = new()
    {
        [EquipmentCategory.Lift] = '梯',
        [EquipmentCategory.Crane] = '起',
        [EquipmentCategory.InPlantVehicle] = '车',
        [EquipmentCategory.Boiler] = '锅',
        [EquipmentCategory.PressureVessel] = '容',
        [EquipmentCategory.PressurePiping] = '管',
        [EquipmentCategory.PassengerRopeway] = '索',
        [EquipmentCategory.AmusementRide] = '游',
    };

    /// <summary>The province abbreviation.</summary>
    public char Province { get; set; } = '浙';

    /// <summary>
    /// The city letter per city code. The letters follow Zhejiang's vehicle plates (浙A 杭州 …), which is
    /// an assumption [U]: the registration authority's own letters replace them here.
    /// </summary>
    public Dictionary<string, char> CityLetters { get; set; } = new(StringComparer.Ordinal)
    {
        ["330100"] = 'A', ["330200"] = 'B', ["330300"] = 'C', ["330400"] = 'F', ["330500"] = 'E', ["330600"] = 'D',
        ["330700"] = 'G', ["330800"] = 'H', ["330900"] = 'L', ["331000"] = 'J', ["331100"] = 'K',
    };

    /// <summary>The character for a category, if configured.</summary>
    public char? CharacterFor(EquipmentCategory category) => Characters.TryGetValue(category, out var c) ? c : null;

    /// <summary>The city letter for a region code (any level under the city), if configured.</summary>
    public char? CityLetterFor(string regionCode) =>
        regionCode.Length >= 4 && CityLetters.TryGetValue(regionCode[..4] + "00", out var letter) ? letter : null;
}
