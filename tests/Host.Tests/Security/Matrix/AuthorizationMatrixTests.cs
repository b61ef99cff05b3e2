using System.Net;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Security.Matrix;

/// <summary>
/// The authorisation matrix: every row of <see cref="MatrixRows"/> (resource family × action) for
/// every caller of <see cref="MatrixCaller.All"/> (every role at every level, and anonymous), on
/// real endpoints of a running host, SQLite and PostgreSQL. Allowed calls must succeed; every
/// denied call must be denied with the right status (401, 403, or 404 for out-of-scope reads) and a
/// ProblemDetails body. The size and the pass count are printed to the test output.
/// </summary>
public abstract class AuthorizationMatrixTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_role_at_every_level_gets_exactly_its_rights_on_every_action()
    {
        var context = new MatrixContext(database.Factory);
        var failures = new List<string>();
        int cells = 0, allowed = 0, denied = 0;

        foreach (var row in MatrixRows.All)
        {
            foreach (var caller in MatrixCaller.All)
            {
                cells++;
                var expectation = row.Expect(caller);
                var wanted = expectation.Denial() ?? row.Success;
                using var request = await row.Request(context, caller);
                using var response = await context.ClientFor(caller).SendAsync(request, Cancellation);

                var problem = expectation == Expectation.Allowed
                              || response.Content.Headers.ContentType?.MediaType == "application/problem+json";
                if (response.StatusCode == wanted && problem)
                {
                    _ = expectation == Expectation.Allowed ? allowed++ : denied++;
                }
                else
                {
                    var body = await response.Content.ReadAsStringAsync(Cancellation);
                    failures.Add($"{row} as {caller}: expected {(int)wanted} {expectation}, got {(int)response.StatusCode} " +
                                 $"{response.Content.Headers.ContentType?.MediaType} {body[..Math.Min(body.Length, 200)]}");
                }
            }
        }

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"authorisation matrix on {database.Provider}: {MatrixRows.All.Count} actions x {MatrixCaller.All.Count} callers = {cells} cells; " +
            $"{allowed + denied} passed ({allowed} allowed, {denied} denied), {failures.Count} failed");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
        Assert.Equal(cells, allowed + denied);
        Assert.True(allowed > 0 && denied > allowed, "the matrix must prove denial more than access");
    }

    [Fact]
    public void The_matrix_covers_every_role_at_every_level()
    {
        var regulators = MatrixCaller.All.Where(c => c.Role == "regulator").Select(c => c.Label).ToList();

        Assert.Equal(["national", "province", "city", "county", "other-county", "street"], regulators);
        Assert.Equal(
            ["regulator", "inspector", "enterprise", "producer", "analyst", "admin"],
            MatrixCaller.All.Select(c => c.Role).OfType<string>().Distinct());
        Assert.Contains(MatrixCaller.All, c => c.UserName is null);
    }
}

public sealed class SqliteAuthorizationMatrixTests(SqliteDatabase database)
    : AuthorizationMatrixTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresAuthorizationMatrixTests(PostgresDatabase database)
    : AuthorizationMatrixTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
