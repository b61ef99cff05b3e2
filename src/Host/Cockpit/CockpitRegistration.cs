using ApprovalHub.Admin.Blazor.Components.Cockpit;
using ApprovalHub.Host.Database;
using ApprovalHub.Supervision.Alarms;
using ApprovalHub.Host.Engine.Scheduling;
using ApprovalHub.Host.Security;
using ApprovalHub.Supervision.Cockpit;
using ApprovalHub.Supervision.Cockpit.Persistence;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Risk;
using ApprovalHub.Supervision.Warnings;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Quartz;

namespace ApprovalHub.Host.Cockpit;

/// <summary>
/// Wires the smart control centre (issue #10): the risk, warning and cockpit options (validated at
/// startup), the cockpit's DbContext and migrations, the recompute with its change feed from the
/// registry's context, the nightly Quartz job, the queries and the API.
/// </summary>
internal static class CockpitRegistration
{
    /// <summary>Registers the cockpit; call after the registry (its seeder must run before the first recompute).</summary>
    public static IHostApplicationBuilder AddCockpit(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<RiskOptions>().BindConfiguration(RiskOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RiskOptions>>(new MessagesValidation<RiskOptions>(o => o.Validate()));
        services.AddOptions<WarningOptions>().BindConfiguration(WarningOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<WarningOptions>>(sp => new MessagesValidation<WarningOptions>(
            o => o.Validate(sp.GetRequiredService<IOptions<RiskOptions>>().Value.AlarmWindowDays)));
        services.AddOptions<CockpitOptions>().BindConfiguration(CockpitOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<CockpitOptions>>(new MessagesValidation<CockpitOptions>(o => o.Validate()));

        AddContexts(services);
        services.AddSingleton(sp => new RiskModel(sp.GetRequiredService<IOptions<RiskOptions>>().Value));
        services.AddSingleton<IWarningCases>(sp => new EngineWarningCases(
            sp.GetRequiredService<WorkflowEngine>(), sp.GetRequiredService<IWorkflowQueries>(), sp.GetRequiredService<IOptions<WarningOptions>>().Value));
        services.AddSingleton(sp => new RiskRecalculator(
            sp.GetRequiredService<Func<CockpitDbContext>>(),
            sp.GetRequiredService<IOptions<RiskOptions>>().Value,
            sp.GetRequiredService<IOptions<WarningOptions>>().Value,
            sp.GetRequiredService<IWarningCases>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<RiskRecalculator>>()));
        services.AddSingleton<IRiskRecalculator>(sp => sp.GetRequiredService<RiskRecalculator>());
        services.AddSingleton(sp => new ComplaintLedger(sp.GetRequiredService<Func<CockpitDbContext>>(), sp.GetRequiredService<IRiskRecalculator>()));
        services.AddScoped<CockpitQueries>();
        services.AddScoped<CockpitExcel>();

        // The /cockpit page: scoped to the circuit, whose signed-in user decides the scope.
        services.AddScoped<ICockpitSource, CockpitSource>();

        // The event feed: every change saved through the registry's context reaches the recompute.
        services.AddSingleton<RiskChangeQueue>();
        services.AddSingleton<RiskChangeInterceptor>();
        services.ConfigureDbContext<SqliteRegistryDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<RiskChangeInterceptor>()));
        services.ConfigureDbContext<PostgresRegistryDbContext>((sp, options) => options.AddInterceptors(sp.GetRequiredService<RiskChangeInterceptor>()));

        // IoT alarms are saved through their own context: the alarm ledger writes their registry
        // records itself (same transaction) and hands the devices over here.
        services.AddSingleton<IAlarmRecords, CockpitAlarmRecords>();

        services.AddAuthorizationBuilder().AddPolicy(CockpitApi.ReadPolicy, policy => policy.RequireRole(Roles.Regulator, Roles.Analyst, Roles.Admin));

        // Hosted services start in order: migrate (and compute once) before the change worker runs.
        services.AddHostedService<CockpitInitializer>();
        services.AddHostedService<RiskChangeWorker>();
        AddNightlyJob(builder);
        return builder;
    }

    /// <summary>Maps the cockpit API.</summary>
    public static WebApplication MapCockpit(this WebApplication app)
    {
        app.MapCockpitApi();
        return app;
    }

    private static void AddContexts(IServiceCollection services)
    {
        // Pooled, like the registry's: the cockpit's reads are many and small.
        services.AddDbContextPool<SqliteCockpitDbContext>((sp, options) =>
            options.UseSqlite(Configured(sp).ConnectionString, sqlite => sqlite.MigrationsHistoryTable(CockpitDbContext.MigrationsTable)));
        services.AddDbContextPool<PostgresCockpitDbContext>((sp, options) =>
            options.UseNpgsql(RegistryConnections.ForPostgres(Configured(sp).ConnectionString), npgsql => npgsql.MigrationsHistoryTable(CockpitDbContext.MigrationsTable)));
        services.AddScoped<CockpitDbContext>(sp => Configured(sp).GetProvider() switch
        {
            DatabaseProvider.Sqlite => sp.GetRequiredService<SqliteCockpitDbContext>(),
            DatabaseProvider.Postgres => sp.GetRequiredService<PostgresCockpitDbContext>(),
            var other => throw new InvalidOperationException($"Internal bug: no cockpit DbContext for database provider {other}, please report."),
        });

        // The recompute runs outside requests (jobs, the change worker): contexts of its own, with a
        // long command timeout for the full run's statements.
        services.AddSingleton<Func<CockpitDbContext>>(sp =>
        {
            var database = Configured(sp);
            if (database.GetProvider() == DatabaseProvider.Postgres)
            {
                var postgres = PostgresCockpitDbContextFactory.Postgres(database.ConnectionString);
                return () => new PostgresCockpitDbContext(postgres);
            }

            var sqlite = SqliteCockpitDbContextFactory.Sqlite(database.ConnectionString);
            return () => new SqliteCockpitDbContext(sqlite);
        });
    }

    private static void AddNightlyJob(IHostApplicationBuilder builder)
    {
        // Only where the engine's scheduler runs (Jobs:Enabled); the store and clustering are its.
        var jobs = builder.Configuration.GetSection(JobOptions.SectionName).Get<JobOptions>() ?? new JobOptions();
        var cockpit = builder.Configuration.GetSection(CockpitOptions.SectionName).Get<CockpitOptions>() ?? new CockpitOptions();
        if (!jobs.Enabled || !CockpitOptions.IsCron(cockpit.NightlyCron))
        {
            // An invalid expression is reported by options validation at startup, with its message.
            return;
        }

        var key = new JobKey("risk-recompute", "approvalhub");
        builder.Services.AddQuartz(quartz =>
        {
            quartz.AddJob<CockpitQuartzJob>(job => job.WithIdentity(key).StoreDurably().WithDescription("Nightly risk, warning and cockpit recompute"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(key)
                .WithIdentity("risk-recompute", "approvalhub")
                .WithCronSchedule(cockpit.NightlyCron, cron => cron.InTimeZone(ChinaTime).WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed)));
        });
    }

    // Quartz stores a cron trigger's zone by id and looks it up again whenever it reads the trigger,
    // so the zone must be one the system can find: a custom zone breaks every later start. China has
    // kept UTC+8 since 1991; without a tz database the schedule runs in UTC, 8 hours later.
    private static readonly TimeZoneInfo ChinaTime =
        TimeZoneInfo.TryFindSystemTimeZoneById("Asia/Shanghai", out var shanghai) ? shanghai : TimeZoneInfo.Utc;

    private static DatabaseOptions Configured(IServiceProvider services) => services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
}

/// <summary>Options validation that reports every message an options class returns.</summary>
internal sealed class MessagesValidation<T>(Func<T, IEnumerable<string>> validate) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var errors = validate(options).ToList();
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }
}
