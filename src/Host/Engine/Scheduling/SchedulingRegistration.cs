using ApprovalHub.Host.Database;
using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Jobs;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.Options;
using Quartz;

namespace ApprovalHub.Host.Engine.Scheduling;

/// <summary>
/// Quartz.NET on the platform's own database: the clustered ADO.NET job store on PostgreSQL, the
/// ADO.NET store on the embedded SQLite file (it survives restarts; one node). Its tables come
/// with the engine's migrations (QuartzTables). Two jobs: each node's engine-jobs heartbeat, and
/// the cluster-wide SLA refresh. See docs/deployment.md.
/// </summary>
internal static class SchedulingRegistration
{
    public static IHostApplicationBuilder AddJobScheduling(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<JobOptions>().BindConfiguration(JobOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var jobs = builder.Configuration.GetSection(JobOptions.SectionName).Get<JobOptions>() ?? new JobOptions();
        builder.Services.AddSingleton(services =>
        {
            var options = services.GetRequiredService<IOptions<JobOptions>>().Value;
            var pump = new JobPump(
                services.GetRequiredService<WorkflowEngine>(),
                services.GetRequiredService<IWorkflowStore>(),
                services.GetRequiredService<TimeProvider>(),
                new JobPumpOptions
                {
                    NodeId = options.EffectiveNodeId,
                    BatchSize = options.BatchSize,
                    Parallelism = options.Parallelism,
                    LockDuration = options.LockDuration,
                });
            var logger = services.GetRequiredService<ILogger<JobPump>>();
            pump.JobFailed = (job, error) => logger.JobFailed(job.Id, job.Kind.ToString(), job.ElementId, options.EffectiveNodeId, error);
            return pump;
        });

        // An unknown provider is reported by options validation at startup, with its message.
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        if (!jobs.Enabled || !DatabaseOptions.TryParseProvider(database.Provider, out var provider))
        {
            return builder;
        }

        var postgres = provider == DatabaseProvider.Postgres;
        var nodeId = jobs.EffectiveNodeId;
        builder.Services.AddQuartz(quartz =>
        {
            quartz.ConfigureScheduler(scheduler =>
            {
                scheduler.InstanceName = "ApprovalHub";
                scheduler.InstanceId = nodeId;
            });
            quartz.UseDefaultThreadPool(4);

            // Each node fires its own heartbeat (its execution group) and any node the cluster-wide
            // jobs (no group). A dead node's heartbeat simply waits; its claimed rows go to the
            // others when their locks expire.
            quartz.ServeExecutionGroups(NodeGroup(nodeId), "_");
            quartz.UsePersistentStore(store =>
            {
                // Quartz creates its tables (qrtz_*) in the platform's database when they are missing.
                store.ProvisionSchema();
                store.ConfigureStore(options => options.StoreJobDataAsStrings = true);
                if (postgres)
                {
                    store.UsePostgres(database.ConnectionString);

                    // Every node checks in; a node that stops checking in has its fired
                    // triggers recovered by the others.
                    store.UseClustering(cluster =>
                    {
                        cluster.CheckinInterval = TimeSpan.FromSeconds(5);
                        cluster.CheckinMisfireThreshold = TimeSpan.FromSeconds(20);
                    });
                }
                else
                {
                    store.UseSqlite(database.ConnectionString);
                }
            });

            // Each node's own heartbeat: a job key per node, so DisallowConcurrentExecution keeps
            // one drain per node while nodes drain side by side.
            var engineJobs = new JobKey($"engine-jobs-{nodeId}", "approvalhub");
            quartz.AddJob<EngineJobsQuartzJob>(job => job.WithIdentity(engineJobs).StoreDurably().WithDescription($"Engine jobs of node {nodeId}"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(engineJobs)
                .WithIdentity($"engine-jobs-{nodeId}", "approvalhub")
                .WithExecutionGroup(NodeGroup(nodeId))
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(jobs.PollInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));

            var sla = new JobKey("sla-refresh", "approvalhub");
            quartz.AddJob<SlaQuartzJob>(job => job.WithIdentity(sla).StoreDurably().WithDescription("SLA states and statistics"));
            quartz.AddTrigger(trigger => trigger
                .ForJob(sla)
                .WithIdentity("sla-refresh", "approvalhub")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule.WithInterval(jobs.SlaRefreshInterval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
        });
        builder.Services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        builder.Services.AddHostedService(services => new SchedulingAnnouncement(
            services.GetRequiredService<ILogger<SchedulingAnnouncement>>(), nodeId, jobs.PollInterval, postgres ? "PostgreSQL" : "SQLite", postgres));
        return builder;
    }

    private static string NodeGroup(string nodeId) => $"node:{nodeId}";
}

/// <summary>Says at startup how this node runs jobs.</summary>
internal sealed class SchedulingAnnouncement(ILogger<SchedulingAnnouncement> logger, string nodeId, TimeSpan pollInterval, string store, bool clustered) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.JobsScheduled(nodeId, pollInterval, store, clustered);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
