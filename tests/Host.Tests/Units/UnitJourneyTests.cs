using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Units;

/// <summary>The theory rows of the unit journeys, from the catalog and the BPMN files.</summary>
public static class UnitJourneyRows
{
    /// <summary>All 34 units.</summary>
    public static TheoryData<string> Units() => [.. CaseApi.Catalog.Units.Select(u => u.Code)];

    /// <summary>Units with a decision the applicant may be refused at.</summary>
    public static TheoryData<string> Refusable() => [.. CaseApi.Catalog.Units.Select(u => u.Code).Where(c => UnitModel.Of(c).RejectableDecisions.Count > 0)];

    /// <summary>Units with a decision that may send the case back to the applicant for correction.</summary>
    public static TheoryData<string> Returnable() => [.. CaseApi.Catalog.Units.Select(u => u.Code).Where(c => UnitModel.Of(c).ReturnableDecisions.Count > 0)];
}

/// <summary>
/// Every business unit end to end through the HTTP API, as its real users: the catalog's
/// applicant applies with a valid form, whoever's 待办 lists each task does it, and the registry,
/// certificate and notification APIs show the catalog's effect. The first official task of every
/// case is also tried by outsiders (404) and by someone in scope of the wrong level or role (403).
/// Where the unit has them, the refusal and the correction paths too. Both stores.
/// </summary>
public abstract class UnitJourneyTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private async Task<Journey> JourneyAsync()
    {
        await JourneyWorld.EnsureAsync(database.Factory);
        return new Journey(database.Factory);
    }

    [Theory]
    [MemberData(nameof(UnitJourneyRows.Units), MemberType = typeof(UnitJourneyRows))]
    public async Task The_applicant_applies_the_officials_approve_and_the_registry_shows_the_effect(string unit)
    {
        var journey = await JourneyAsync();

        var done = await UnitJourneys.RunAsync(journey, unit, JourneyPath.Approve, checkDenials: true);

        Assert.NotEmpty(done.BusinessKey);
    }

    [Theory]
    [MemberData(nameof(UnitJourneyRows.Refusable), MemberType = typeof(UnitJourneyRows))]
    public async Task A_refusal_goes_back_to_the_applicant_with_its_reason_and_changes_nothing(string unit)
    {
        var journey = await JourneyAsync();

        await UnitJourneys.RunAsync(journey, unit, JourneyPath.Reject);
    }

    [Theory]
    [MemberData(nameof(UnitJourneyRows.Returnable), MemberType = typeof(UnitJourneyRows))]
    public async Task A_case_sent_back_for_correction_is_resubmitted_and_then_approved(string unit)
    {
        var journey = await JourneyAsync();

        await UnitJourneys.RunAsync(journey, unit, JourneyPath.Return);
    }
}

public sealed class SqliteUnitJourneyTests(SqliteDatabase database)
    : UnitJourneyTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresUnitJourneyTests(PostgresDatabase database)
    : UnitJourneyTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
