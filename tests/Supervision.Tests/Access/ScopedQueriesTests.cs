using ApprovalHub.Supervision.Access;

namespace ApprovalHub.Supervision.Tests.Access;

/// <summary>The scope filter every scoped query uses, on an in-memory query (the SQL translation is exercised by the host tests).</summary>
public sealed class ScopedQueriesTests
{
    private static readonly Row[] Rows =
    [
        new(1, "330106", 2001, null),
        new(2, "330106001000", null, 1001),
        new(3, "330102", 2002, 1001),
        new(4, "330100", null, null),
        new(5, null, 3001, null),
        new(6, "110105", 2001, null),
    ];

    [Fact]
    public void Unrestricted_sees_every_row() =>
        Assert.Equal([1, 2, 3, 4, 5, 6], Visible(AccessScope.Unrestricted));

    [Fact]
    public void The_public_sees_no_row() =>
        Assert.Empty(Visible(AccessScope.Public));

    [Fact]
    public void A_region_prefix_sees_what_lies_under_it() =>
        Assert.Equal([1, 2], Visible(AccessScope.Restricted("330106", [])));

    [Fact]
    public void A_city_sees_its_counties_and_itself() =>
        Assert.Equal([1, 2, 3, 4], Visible(AccessScope.Restricted("3301", [])));

    [Fact]
    public void An_organisation_sees_rows_it_is_involved_in_by_any_column_wherever_they_are() =>
        Assert.Equal([2, 3], Visible(AccessScope.Restricted(null, [1001])));

    [Fact]
    public void Region_and_organisation_together_see_the_union() =>
        Assert.Equal([2, 3, 5], Visible(AccessScope.Restricted("330102", [3001, 1001])));

    [Fact]
    public void An_empty_restricted_scope_sees_nothing() =>
        Assert.Empty(Visible(AccessScope.Restricted(null, [])));

    private static List<int> Visible(AccessScope scope) => Rows.AsQueryable()
        .WithinScope(scope, r => r.Region, r => r.Owner, r => r.InspectionBody)
        .Select(r => r.Id)
        .ToList();

    private sealed record Row(int Id, string? Region, long? Owner, long? InspectionBody);
}
