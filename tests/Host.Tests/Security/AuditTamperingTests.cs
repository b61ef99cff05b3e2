using ApprovalHub.Host.Cli;
using ApprovalHub.Host.Security.Audit;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Security;

/// <summary>
/// Editing or deleting a stored audit row directly in the database breaks the chain, and
/// <c>audit verify</c> names the first broken link with a non-zero exit code. On SQLite and
/// PostgreSQL, each with a database of its own because the tampering is not undone.
/// </summary>
public abstract class AuditTamperingTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_catches_an_edited_row_and_then_a_deleted_one()
    {
        var analyst = database.Factory.CreateClientFor(SignedInClients.Analyst);
        for (var i = 0; i < 5; i++)
        {
            await analyst.PostAsync("/api/definitions/validate", TestBpmn.Content(TestBpmn.Process($"tamper_{i}")), Cancellation);
        }

        var intact = await database.VerifyWithCliAsync(Cancellation);
        var records = await database.AllAsync(Cancellation);
        var victim = records[^3];

        // Someone with database access rewrites who did it.
        await database.ExecuteSqlAsync($"UPDATE audit_records SET \"ActorName\" = 'demo.enterprise' WHERE \"Sequence\" = {victim.Sequence}", Cancellation);
        var edited = await database.VerifyWithCliAsync(Cancellation);

        // Restoring the value restores the chain: the hash covers exactly the stored fields.
        await database.ExecuteSqlAsync($"UPDATE audit_records SET \"ActorName\" = '{victim.ActorName}' WHERE \"Sequence\" = {victim.Sequence}", Cancellation);
        var restored = await database.VerifyWithCliAsync(Cancellation);

        // Deleting a link leaves a gap, whatever the rows around it say.
        await database.ExecuteSqlAsync($"DELETE FROM audit_records WHERE \"Sequence\" = {victim.Sequence}", Cancellation);
        var deleted = await database.VerifyWithCliAsync(Cancellation);

        Assert.Equal(AuditCommand.Intact, intact.ExitCode);
        Assert.Equal(AuditCommand.Broken, edited.ExitCode);
        Assert.Contains($"audit chain BROKEN at link {victim.Sequence}: its content does not match its hash", edited.Output, StringComparison.Ordinal);
        Assert.Contains($"({victim.Sequence - 1} link(s) before it verified)", edited.Output, StringComparison.Ordinal);
        Assert.Equal(AuditCommand.Intact, restored.ExitCode);
        Assert.Equal(AuditCommand.Broken, deleted.ExitCode);
        Assert.Contains($"audit chain BROKEN at link {victim.Sequence}: link {victim.Sequence} is missing", deleted.Output, StringComparison.Ordinal);
    }
}

public sealed class SqliteAuditTamperingTests(SqliteDatabase database)
    : AuditTamperingTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresAuditTamperingTests(PostgresDatabase database)
    : AuditTamperingTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;

/// <summary>
/// A forger who recomputes the edited row's own hash is caught by the next link. A class of its own:
/// the tampering of <see cref="AuditTamperingTests{TDatabase}"/> would be found first.
/// </summary>
public abstract class AuditRehashTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_catches_a_row_whose_hash_was_recomputed_to_hide_an_edit()
    {
        var analyst = database.Factory.CreateClientFor(SignedInClients.Analyst);
        await analyst.PostAsync("/api/definitions/validate", TestBpmn.Content(TestBpmn.Process("rehash_a")), Cancellation);
        await analyst.PostAsync("/api/definitions/validate", TestBpmn.Content(TestBpmn.Process("rehash_b")), Cancellation);
        var records = await database.AllAsync(Cancellation);
        var victim = records[^2];
        victim.StatusCode = 500;
        var forged = AuditHash.Compute(victim);

        // A careful forger fixes the edited row's own hash; the next link still points at the old one.
        await database.ExecuteSqlAsync(
            $"UPDATE audit_records SET \"StatusCode\" = 500, \"Hash\" = '{forged}' WHERE \"Sequence\" = {victim.Sequence}", Cancellation);
        var (exitCode, output) = await database.VerifyWithCliAsync(Cancellation);

        Assert.Equal(AuditCommand.Broken, exitCode);
        Assert.Contains(
            $"audit chain BROKEN at link {victim.Sequence + 1}: its previous-hash does not match the hash of the link before it",
            output,
            StringComparison.Ordinal);
    }
}

public sealed class SqliteAuditRehashTests(SqliteDatabase database)
    : AuditRehashTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresAuditRehashTests(PostgresDatabase database)
    : AuditRehashTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
