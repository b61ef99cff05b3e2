using System.Diagnostics.CodeAnalysis;

namespace ApprovalHub.Supervision.Equipment;

/// <summary>
/// A code of the 2014 special-equipment catalog: four characters, hierarchical — 种类 <c>X000</c>,
/// 类别 <c>XY00</c>, 品种 <c>XYZ0</c> (<c>3110</c> 曳引驱动乘客电梯 is a variety of class <c>3100</c> of
/// category <c>3000</c>). Letters occur (<c>23T0</c>, <c>4A00</c>, <c>F000</c>), so it is a string.
/// This type checks the shape and derives the parents; which codes exist is the catalog's
/// business (docs: ../shared/domain.md section 1, shipped with the registry).
/// </summary>
public readonly record struct CatalogCode
{
    private CatalogCode(string value) => Value = value;

    /// <summary>The four characters, upper case.</summary>
    public string Value { get; }

    /// <summary>The category the code belongs to.</summary>
    public EquipmentCategory Category => EquipmentCategories.FromLead(Value[0])!.Value;

    /// <summary>The level of the code in the catalog hierarchy.</summary>
    public CatalogLevel Level => Value[1] == '0' ? CatalogLevel.Category : Value[2] == '0' ? CatalogLevel.Class : CatalogLevel.Variety;

    /// <summary>The 种类 code, <c>X000</c>.</summary>
    public CatalogCode CategoryCode => new($"{Value[0]}000");

    /// <summary>The 类别 code, <c>XY00</c>, or null for a category code.</summary>
    public CatalogCode? ClassCode => Level == CatalogLevel.Category ? null : new($"{Value[..2]}00");

    /// <summary>True when this code is <paramref name="other"/> or lies under it (<c>3110</c> under <c>3100</c> and <c>3000</c>).</summary>
    public bool IsWithin(CatalogCode other) => other.Level switch
    {
        CatalogLevel.Category => Value[0] == other.Value[0],
        CatalogLevel.Class => Value[..2] == other.Value[..2],
        _ => Value == other.Value,
    };

    /// <summary>Parses a code or throws <see cref="FormatException"/> with the reason.</summary>
    public static CatalogCode Parse(string text) =>
        TryParse(text, out var code, out var error) ? code : throw new FormatException(error);

    /// <summary>Parses a code; <paramref name="error"/> says what is wrong, in words a clerk understands.</summary>
    public static bool TryParse(string? text, out CatalogCode code, [NotNullWhen(false)] out string? error)
    {
        code = default;
        var value = text?.Trim().ToUpperInvariant();
        if (value is not { Length: 4 })
        {
            error = $"A catalog code has 4 characters (for example 3110), not '{text}'.";
            return false;
        }

        if (EquipmentCategories.FromLead(value[0]) is null)
        {
            error = $"'{value}' does not start with a catalog category (1–9 or F).";
            return false;
        }

        if (value[3] != '0' || !value.All(char.IsAsciiLetterOrDigit))
        {
            error = $"'{value}' is not a catalog code: codes end in 0 and use digits and capital letters (3110, 23T0, 4A00).";
            return false;
        }

        if (value[1] == '0' && value[2] != '0')
        {
            error = $"'{value}' has a variety but no class; the second character of a variety code is its class (3110, not 3010).";
            return false;
        }

        code = new CatalogCode(value);
        error = null;
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? string.Empty;
}

/// <summary>The three levels of the catalog.</summary>
public enum CatalogLevel
{
    /// <summary>种类, <c>X000</c>.</summary>
    Category,

    /// <summary>类别, <c>XY00</c>.</summary>
    Class,

    /// <summary>品种, <c>XYZ0</c>.</summary>
    Variety,
}
