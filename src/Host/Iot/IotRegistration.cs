using ApprovalHub.Host.Database;
using ApprovalHub.Host.Engine.Scheduling;
using ApprovalHub.Supervision.Alarms;
using ApprovalHub.Supervision.Iot.Persistence;
using Quartz;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// Wires MQTT ingestion and alarms: the embedded broker (default) or an external one, the host's
/// client, the event and telemetry pipelines, the alarm ledger and cases, the sweeper and retention
/// jobs, and <c>/api/iot</c>. The IoT tables are migrated with the others (<see cref="IotDatabase"/>).
/// </summary>
internal static class IotRegistration
{
    public static IHostApplicationBuilder AddIot(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<IotOptions>()
            .BindConfiguration(IotOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.IsEmbedded || string.Equals(o.Broker, "External", StringComparison.OrdinalIgnoreCase), "Iot:Broker is Embedded or External.")
            .Validate(o => o.IsEmbedded || !string.IsNullOrEmpty(o.Username), "Iot:Username (and Iot:Password) are required with an external broker.")
            .Validate(o => !o.IsEmbedded || System.Net.IPAddress.TryParse(o.Host, out _), "Iot:Host must be an IP address for the embedded broker (127.0.0.1 by default).")
            .Validate(o => o.TelemetryFlushInterval > TimeSpan.Zero && o.AlarmSweepInterval > TimeSpan.Zero && o.SessionExpiry > TimeSpan.Zero,
                "Iot:TelemetryFlushInterval, Iot:AlarmSweepInterval and Iot:SessionExpiry must be positive.")
            .ValidateOnStart();

        builder.Services.AddSingleton(AlarmRuleSet.Default);
        builder.Services.AddSingleton(services => new AlarmLedger(
            services.GetRequiredService<Func<IotDbContext>>(), services.GetRequiredService<AlarmRuleSet>(), services.GetRequiredService<TimeProvider>(),
            services.GetService<IAlarmRecords>()));
        builder.Services.AddSingleton<AlarmCases>();
        builder.Services.AddSingleton<DeviceDirectory>();
        builder.Services.AddSingleton<DeviceCredentials>();
        builder.Services.AddSingleton<IotMetrics>();
        builder.Services.AddSingleton<AlarmReactions>();
        builder.Services.AddSingleton<AlarmSweeper>();
        builder.Services.AddSingleton<TelemetryRetention>();

        var iot = builder.Configuration.GetSection(IotOptions.SectionName).Get<IotOptions>() ?? new IotOptions();
        if (!iot.Enabled)
        {
            return builder;
        }

        if (iot.IsEmbedded)
        {
            builder.Services.AddSingleton<EmbeddedBroker>();
            builder.Services.AddHostedService(services => services.GetRequiredService<EmbeddedBroker>());
        }

        builder.Services.AddSingleton<EventPipeline>();
        builder.Services.AddHostedService(services => services.GetRequiredService<EventPipeline>());
        builder.Services.AddSingleton<TelemetryPipeline>();
        builder.Services.AddHostedService(services => services.GetRequiredService<TelemetryPipeline>());
        builder.Services.AddSingleton<MqttIngestion>();
        builder.Services.AddHostedService(services => services.GetRequiredService<MqttIngestion>());
        AddJobs(builder, iot);
        return builder;
    }

    /// <summary>Maps <c>/api/iot</c>.</summary>
    public static WebApplication MapIot(this WebApplication app)
    {
        app.MapIotApi();
        return app;
    }

    // Cluster-wide jobs on the scheduler SchedulingRegistration set up (no execution group: any node).
    private static void AddJobs(IHostApplicationBuilder builder, IotOptions iot)
    {
        var jobs = builder.Configuration.GetSection(JobOptions.SectionName).Get<JobOptions>() ?? new JobOptions();
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!jobs.Enabled || !DatabaseOptions.TryParseProvider(database.Provider, out _))
        {
            return;
        }

        builder.Services.AddQuartz(quartz =>
        {
            var sweep = new JobKey("iot-alarm-sweep", "approvalhub");
            quartz.AddJob<AlarmSweepQuartzJob>(job => job.WithIdentity(sweep).StoreDurably().WithDescription("Confirm pending alarms, open missing cases"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(sweep)
                .WithIdentity("iot-alarm-sweep", "approvalhub")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(iot.AlarmSweepInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            var retention = new JobKey("iot-telemetry-retention", "approvalhub");
            quartz.AddJob<TelemetryRetentionQuartzJob>(job => job.WithIdentity(retention).StoreDurably().WithDescription("Telemetry partitions ahead, expired ones dropped"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(retention)
                .WithIdentity("iot-telemetry-retention", "approvalhub")
                .StartNow()
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
    }
}
