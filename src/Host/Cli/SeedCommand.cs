using System.Globalization;
using ApprovalHub.Host.Database;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Supervision.Seeding;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Cli;

/// <summary>
/// <c>seed --devices N [--seed 42] [--as-of YYYY-MM-DD] [--replace]</c>: migrates the configured
/// database and fills the registry with a generated province, with a progress bar. Other arguments
/// are configuration (<c>--Database:Provider=Postgres</c>), as for the web host.
/// </summary>
internal static class SeedCommand
{
    public const string Usage =
        "usage: seed --devices N [--seed 42] [--as-of YYYY-MM-DD] [--replace] [--Database:Provider=Postgres --Database:ConnectionString=...]";

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, CancellationToken cancellationToken)
    {
        if (!TryParse(args, out var devices, out var seed, out var asOf, out var replace, out var configuration, out var error))
        {
            await stderr.WriteLineAsync($"seed: {error}\n{Usage}");
            return 2;
        }

        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = configuration,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddWorkflowDatabase();
        builder.Services.AddOptions<RegistryOptions>().BindConfiguration(RegistryOptions.SectionName);
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        await stdout.WriteLineAsync($"seed: {devices:N0} devices (seed {seed}, as of {asOf:yyyy-MM-dd}) into {options.GetProvider()}");
        foreach (var hosted in host.Services.GetServices<IHostedService>().OfType<DatabaseInitializer>())
        {
            await hosted.StartAsync(cancellationToken);
        }

        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var registry = scope.ServiceProvider.GetRequiredService<IOptions<RegistryOptions>>().Value;
        var plan = new SeedPlan { Devices = devices, Seed = seed, AsOf = asOf, IdNumberPepper = registry.IdNumberPepper };
        var timeProvider = TimeProvider.System;
        var started = timeProvider.GetTimestamp();
        var bar = new ProgressBar(stdout);
        try
        {
            var result = await RegistrySeeding.SeedAsync(db, plan, registry, replace, bar, cancellationToken);
            bar.Finish();
            var seconds = timeProvider.GetElapsedTime(started).TotalSeconds;
            await stdout.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"seed: {result.Devices:N0} devices, {result.Organisations:N0} organisations, {result.People:N0} people, {result.Certificates:N0} certificates, {result.Inspections:N0} inspections, {result.OtherRecords:N0} other records in {seconds:F1} s"));
            return 0;
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("--replace", StringComparison.Ordinal))
        {
            bar.Finish();
            await stderr.WriteLineAsync($"seed: {ex.Message}");
            return 1;
        }
    }

    private static bool TryParse(string[] args, out int devices, out int seed, out DateOnly asOf, out bool replace, out string[] configuration, out string? error)
    {
        devices = 0;
        seed = 42;
        asOf = TimeProvider.System.Today();
        replace = false;
        error = null;
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            string? Value() => i + 1 < args.Length ? args[++i] : null;
            switch (args[i])
            {
                case "--devices" when int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n > 0:
                    devices = n;
                    break;
                case "--devices":
                    error = "--devices needs a positive number";
                    break;
                case "--seed" when int.TryParse(Value(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s):
                    seed = s;
                    break;
                case "--seed":
                    error = "--seed needs a number";
                    break;
                case "--as-of" when DateOnly.TryParseExact(Value(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d):
                    asOf = d;
                    break;
                case "--as-of":
                    error = "--as-of needs a date (YYYY-MM-DD)";
                    break;
                case "--replace":
                    replace = true;
                    break;
                default:
                    rest.Add(args[i]);
                    break;
            }
        }

        if (error is null && devices == 0)
        {
            error = "--devices N is required";
        }

        configuration = [.. rest];
        return error is null;
    }

    /// <summary>A one-line progress bar: redrawn in place on a terminal, one line per stage otherwise.</summary>
    private sealed class ProgressBar(TextWriter output) : IProgress<SeedProgress>
    {
        private const int Width = 30;
        private readonly bool _interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        private string? _stage;
        private int _lastPercent = -1;

        public void Report(SeedProgress value)
        {
            var percent = value.Total == 0 ? 100 : (int)(value.Done * 100 / value.Total);
            if (value.Stage == _stage && percent == _lastPercent)
            {
                return;
            }

            if (_stage is not null && value.Stage != _stage && _interactive)
            {
                output.WriteLine();
            }

            _stage = value.Stage;
            _lastPercent = percent;
            var filled = percent * Width / 100;
            var line = string.Create(CultureInfo.InvariantCulture,
                $"{value.Stage,-14} [{new string('#', filled)}{new string('-', Width - filled)}] {percent,3}% {value.Done:N0}/{value.Total:N0}");
            if (_interactive)
            {
                output.Write($"\r{line}");
            }
            else if (percent % 25 == 0)
            {
                output.WriteLine(line);
            }
        }

        public void Finish()
        {
            if (_interactive && _stage is not null)
            {
                output.WriteLine();
            }
        }
    }
}
