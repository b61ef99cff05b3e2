namespace ApprovalHub.Supervision.Access;

/// <summary>
/// What part of the registry and of the case load a caller may see: the single contract between
/// identity (#6) and every query or command (#5, #7, #8). Queries filter by it; they never decide
/// rights themselves, so a new endpoint cannot forget the caller's scope.
/// </summary>
/// <remarks>
/// A caller may hold a region (regulators), organisations (inspection bodies and enterprises), or
/// both; it then sees the union. Region checks use GB/T 2260 code prefixes: a city regulator
/// (330100) sees every code starting with "3301".
/// </remarks>
public sealed record AccessScope
{
    private AccessScope(ScopeKind kind, string? regionPrefix, IReadOnlySet<long> organisationIds)
    {
        Kind = kind;
        RegionPrefix = regionPrefix;
        OrganisationIds = organisationIds;
    }

    /// <summary>Platform-wide: national regulators, analysts and administrators, internal jobs.</summary>
    public static AccessScope Unrestricted { get; } = new(ScopeKind.Unrestricted, null, new HashSet<long>());

    /// <summary>The public: only the public QR facts of a device, never a registry row.</summary>
    public static AccessScope Public { get; } = new(ScopeKind.Public, null, new HashSet<long>());

    /// <summary>How the scope restricts.</summary>
    public ScopeKind Kind { get; }

    /// <summary>The significant prefix of the caller's region code ("33", "3301", "330106", "330106001"), or null.</summary>
    public string? RegionPrefix { get; }

    /// <summary>Organisations the caller acts for (its own unit, or the inspection body it works for).</summary>
    public IReadOnlySet<long> OrganisationIds { get; }

    /// <summary>A scope limited to a region code prefix and/or a set of organisations.</summary>
    /// <param name="regionPrefix">A significant region prefix (see <see cref="SignificantPrefix"/>), or null.</param>
    /// <param name="organisationIds">Organisation ids, possibly empty.</param>
    public static AccessScope Restricted(string? regionPrefix, IEnumerable<long> organisationIds)
    {
        var organisations = organisationIds.ToHashSet();
        if (string.IsNullOrEmpty(regionPrefix) && organisations.Count == 0)
        {
            // An empty restricted scope sees nothing; spell that out rather than fall back to "all".
            return new AccessScope(ScopeKind.Restricted, null, organisations);
        }

        return new AccessScope(ScopeKind.Restricted, regionPrefix, organisations);
    }

    /// <summary>True when the scope sees everything.</summary>
    public bool IsUnrestricted => Kind == ScopeKind.Unrestricted;

    /// <summary>True when a region code lies under the caller's region.</summary>
    public bool CoversRegion(string? regionCode) => Kind switch
    {
        ScopeKind.Unrestricted => true,
        ScopeKind.Restricted => RegionPrefix is not null && regionCode is not null
            && regionCode.StartsWith(RegionPrefix, StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>True when the caller acts for the organisation.</summary>
    public bool CoversOrganisation(long? organisationId) => Kind switch
    {
        ScopeKind.Unrestricted => true,
        ScopeKind.Restricted => organisationId is { } id && OrganisationIds.Contains(id),
        _ => false,
    };

    /// <summary>True when something in <paramref name="regionCode"/> involving any of <paramref name="organisationIds"/> is visible.</summary>
    public bool Covers(string? regionCode, params ReadOnlySpan<long?> organisationIds)
    {
        if (CoversRegion(regionCode))
        {
            return true;
        }

        foreach (var id in organisationIds)
        {
            if (CoversOrganisation(id))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The prefix that identifies everything under a GB/T 2260 code: "330000" → "33",
    /// "330100" → "3301", "330106" → "330106", "330106001000" → "330106001", "000000" or
    /// "100000" (national) → "".
    /// </summary>
    public static string SignificantPrefix(string regionCode)
    {
        ArgumentException.ThrowIfNullOrEmpty(regionCode);
        if (regionCode.Length == 12)
        {
            // Street/township: 6 county digits + 3 street digits + 3 (village, unused here).
            return regionCode[..9];
        }

        if (regionCode.Length != 6)
        {
            throw new ArgumentException($"A region code has 6 or 12 digits; '{regionCode}' has {regionCode.Length}.", nameof(regionCode));
        }

        if (regionCode is "000000" or "100000")
        {
            return string.Empty;
        }

        if (regionCode.EndsWith("0000", StringComparison.Ordinal))
        {
            return regionCode[..2];
        }

        return regionCode.EndsWith("00", StringComparison.Ordinal) ? regionCode[..4] : regionCode;
    }

    /// <inheritdoc />
    public bool Equals(AccessScope? other) =>
        other is not null && Kind == other.Kind && RegionPrefix == other.RegionPrefix
        && OrganisationIds.SetEquals(other.OrganisationIds);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Kind, RegionPrefix, OrganisationIds.Count);
}

/// <summary>How an <see cref="AccessScope"/> restricts.</summary>
public enum ScopeKind
{
    /// <summary>Sees everything.</summary>
    Unrestricted,

    /// <summary>Sees what lies under a region prefix or belongs to its organisations.</summary>
    Restricted,

    /// <summary>Sees only public facts.</summary>
    Public,
}
