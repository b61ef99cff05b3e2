namespace ApprovalHub.Host.Tests.Support;

/// <summary>
/// One throwaway database and an ApprovalHub host running on it, shared by the tests of one class.
/// Derived classes decide the provider; test classes written against this base run unchanged on
/// both (<see cref="SqliteDatabase"/>, <see cref="PostgresDatabase"/>).
/// </summary>
public abstract class TestDatabase : IAsyncLifetime
{
    private ApprovalHubFactory? _factory;

    /// <summary>The bearer-token signing key of every test host (32 bytes, base64).</summary>
    public const string TestSigningKey = "YXBwcm92YWxodWItdGVzdHMtc2lnbmluZy1rZXktMzJi";

    /// <summary>The value for <c>Database:Provider</c>.</summary>
    public abstract string Provider { get; }

    /// <summary>The connection string of the throwaway database, once created.</summary>
    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The host running on this database, in demo mode.</summary>
    public ApprovalHubFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    /// <summary>Settings that point a host at this database.</summary>
    public Dictionary<string, string?> Settings(bool demo = true) => new()
    {
        ["Database:Provider"] = Provider,
        ["Database:ConnectionString"] = ConnectionString,
        ["Demo:Enabled"] = demo ? "true" : "false",

        // A fixed key, so hosts started on the same database (with or without demo mode) accept each other's tokens.
        ["Security:SigningKey"] = TestSigningKey,

        // Each test class signs in a dozen users from one address; the sign-in limit is tested on its own.
        ["Security:SignInPermitLimit"] = "1000",
        ["Security:PublicPermitLimit"] = "10000",
        // A small demo province keeps every host start fast; registry tests rely on its fixed seed.
        ["Registry:DemoDevices"] = RegistryDemoDevices.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Registry:DemoSeed"] = "42",

        // No MQTT broker or ingestion unless a test asks for it (tests/Host.Tests/Iot): parallel hosts
        // would otherwise all try the embedded broker's default port.
        ["Iot:Enabled"] = "false",

        // Uploaded form files go to a folder of this fixture's own, removed with it.
        ["Attachments:Path"] = AttachmentsFolder,
    };

    /// <summary>Where this fixture's hosts keep uploaded form files.</summary>
    public string AttachmentsFolder { get; } = Path.Combine(Path.GetTempPath(), "approvalhub-tests", $"attachments-{Guid.NewGuid():N}");

    /// <summary>Devices the demo seeder generates on the test host's first start.</summary>
    public const int RegistryDemoDevices = 300;

    /// <summary>Creates the database and starts the host (which migrates it and deploys the demo definitions).</summary>
    public async ValueTask InitializeAsync()
    {
        ConnectionString = await CreateDatabaseAsync(TestContext.Current.CancellationToken);
        var settings = Settings();
        ConfigureHost(settings);
        _factory = new ApprovalHubFactory(settings);
        _ = _factory.Server;
    }

    /// <summary>Lets a fixture change the in-process host's settings before it starts.</summary>
    protected virtual void ConfigureHost(Dictionary<string, string?> settings)
    {
    }

    /// <summary>Stops the host and drops the database.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        if (ConnectionString.Length > 0)
        {
            await DropDatabaseAsync();
        }

        if (Directory.Exists(AttachmentsFolder))
        {
            Directory.Delete(AttachmentsFolder, recursive: true);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>Creates an empty database and returns its connection string.</summary>
    protected abstract Task<string> CreateDatabaseAsync(CancellationToken cancellationToken);

    /// <summary>Deletes the database; called once the host has stopped.</summary>
    protected abstract Task DropDatabaseAsync();
}
