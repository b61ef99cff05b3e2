using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ApprovalHub.Supervision.Tests.Handlers.Support;

/// <summary>
/// A migrated registry database with the shipped regions and a few organisations, shared by the
/// tests of one class. Derived classes pick the store; test classes run unchanged on both.
/// </summary>
public abstract class HandlerDatabase : IAsyncLifetime
{
    /// <summary>A user unit in 西湖区.</summary>
    public Organisation UserUnit { get; private set; } = null!;

    /// <summary>Another user unit (a transfer's new holder).</summary>
    public Organisation OtherUserUnit { get; private set; } = null!;

    /// <summary>A licensed lift installer and maintenance unit.</summary>
    public Organisation Maintainer { get; private set; } = null!;

    /// <summary>A maintenance unit without any licence.</summary>
    public Organisation UnlicensedMaintainer { get; private set; } = null!;

    /// <summary>The licence of <see cref="Maintainer"/>.</summary>
    public Licence MaintainerLicence { get; private set; } = null!;

    /// <summary>A new registry context on this database.</summary>
    public abstract RegistryDbContext NewContext();

    public async ValueTask InitializeAsync()
    {
        await CreateAsync();
        await using var db = NewContext();
        await db.Database.MigrateAsync(TestContext.Current.CancellationToken);
        await RegistrySeeding.EnsureRegionsAsync(db, TestContext.Current.CancellationToken);
        UserUnit = Organisation("杭州测试电梯使用单位", OrganisationRoles.UserUnit, "330106");
        OtherUserUnit = Organisation("杭州测试受让单位", OrganisationRoles.UserUnit, "330106");
        Maintainer = Organisation("杭州测试电梯工程有限公司", OrganisationRoles.Installer | OrganisationRoles.MaintenanceUnit, "330106");
        UnlicensedMaintainer = Organisation("杭州无证维保有限公司", OrganisationRoles.MaintenanceUnit, "330106");
        db.Organisations.AddRange(UserUnit, OtherUserUnit, Maintainer, UnlicensedMaintainer);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        MaintainerLicence = new Licence { OrganisationId = Maintainer.Id, Number = "TS3330001-2025", Scope = "安装改造修理（电梯）", IssuedOn = new DateOnly(2025, 1, 1), ExpiresOn = new DateOnly(2028, 12, 31) };
        db.Licences.Add(MaintainerLicence);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await DropAsync();
        GC.SuppressFinalize(this);
    }

    protected abstract Task CreateAsync();

    protected abstract Task DropAsync();

    private static int _organisations;

    private static Organisation Organisation(string name, OrganisationRoles roles, string region)
    {
        var serial = Interlocked.Increment(ref _organisations);
        return new Organisation
        {
            Name = name,
            CreditCode = CreditCode.Create($"91330106MA2{Random.Shared.Next(100000, 999999)}").Value,
            Roles = roles,
            RegionCode = region,
            Address = $"西湖区文三路 {serial} 号",
        };
    }
}

/// <summary>The registry on a SQLite file.</summary>
public sealed class SqliteHandlerDatabase : HandlerDatabase
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "approvalhub-handler-tests", Guid.NewGuid().ToString("N"));

    public override RegistryDbContext NewContext() =>
        new SqliteRegistryDbContext(SqliteRegistryDbContextFactory.Sqlite(new SqliteConnectionStringBuilder { DataSource = Path.Combine(_folder, "registry.db") }.ConnectionString));

    protected override Task CreateAsync()
    {
        Directory.CreateDirectory(_folder);
        return Task.CompletedTask;
    }

    protected override Task DropAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// The registry in a throwaway database on the server <c>APPROVALHUB_TEST_POSTGRES</c> names; without
/// it the tests fail (PostgreSQL is a production store, never silently skipped).
/// </summary>
public sealed class PostgresHandlerDatabase : HandlerDatabase
{
    private string _server = string.Empty;
    private string _connectionString = string.Empty;
    private readonly string _name = $"approvalhub_handlers_{Guid.NewGuid():N}";

    public override RegistryDbContext NewContext() => new PostgresRegistryDbContext(PostgresRegistryDbContextFactory.Postgres(_connectionString));

    protected override async Task CreateAsync()
    {
        var server = Environment.GetEnvironmentVariable("APPROVALHUB_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(server))
        {
            throw new InvalidOperationException("APPROVALHUB_TEST_POSTGRES is not set, so the PostgreSQL tests have no server. Run scripts/test.sh, or set it to a connection string.");
        }

        _server = new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Pooling = false }.ConnectionString;
        _connectionString = new NpgsqlConnectionStringBuilder(server) { Database = _name }.ConnectionString;
        await ExecuteAsync($"CREATE DATABASE \"{_name}\"");
    }

    protected override async Task DropAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{_name}\" WITH (FORCE)");
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_server);
        await connection.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken.None);
    }
}
