namespace ApprovalHub.Host.Cases;

/// <summary>
/// A region prefix as a half-open range of codes, <c>[prefix, upper)</c>: "codes under 3301" is
/// <c>code &gt;= '3301' AND code &lt; '3302'</c>, which any btree serves as a range scan whatever
/// the collation does with LIKE (region codes are digits; the queue's column is ordered bytewise).
/// </summary>
internal static class RegionRange
{
    /// <summary>The smallest string above every code that starts with <paramref name="prefix"/>: its last character plus one.</summary>
    public static string UpperBound(string prefix)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return string.Concat(prefix.AsSpan(0, prefix.Length - 1), ((char)(prefix[^1] + 1)).ToString());
    }
}
