namespace ApprovalHub.Supervision.Cockpit;

/// <summary>
/// The roll-up of leaf rows (a <c>leaf</c> CTE with a <c>region_code</c> column) to every region they
/// count in, as SQL shared by the figures and the trends.
/// </summary>
internal static class RegionRollupSql
{
    /// <summary>
    /// One SELECT per level, UNION ALL: the province, the city, the county and, for a street, the
    /// street itself. A row filed at a city (330100, e.g. a use unit registered with the city) or at
    /// the province has no county (and no city): its own code must not count again as a lower level,
    /// or the region's figure says one more than the list behind it.
    /// </summary>
    /// <param name="columns">The leaf's value columns, comma-separated (may be empty).</param>
    public static string Levels(string columns)
    {
        var values = string.IsNullOrEmpty(columns) ? string.Empty : ", " + columns;
        return string.Join("\nUNION ALL\n",
            $"SELECT substr(region_code, 1, 2) || '0000' AS code{values} FROM leaf",
            $"SELECT substr(region_code, 1, 4) || '00' AS code{values} FROM leaf WHERE substr(region_code, 3, 2) <> '00'",
            $"SELECT substr(region_code, 1, 6) AS code{values} FROM leaf WHERE substr(region_code, 3, 2) <> '00' AND substr(region_code, 5, 2) <> '00'",
            $"SELECT region_code AS code{values} FROM leaf WHERE length(region_code) = 12");
    }
}
