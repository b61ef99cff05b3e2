using ApprovalHub.Host.Database;
using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Host.Engine.Scheduling;
using ApprovalHub.Supervision.Handlers;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Expressions;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Engine;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Services;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Engine;

/// <summary>
/// The engine as the platform runs it: the EF Core store on the configured database, published
/// definitions from the same database, the sandboxed expression evaluator and the official
/// working-day calendar.
/// </summary>
internal static class EngineRegistration
{
    public static IHostApplicationBuilder AddWorkflowEngine(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<CalendarOptions>().BindConfiguration(CalendarOptions.SectionName);

        // One pool of contexts for the engine, apart from the request-scoped contexts of the APIs:
        // engine commands run outside requests too (timers, MQTT alarms).
        builder.Services.AddSingleton<Func<WorkflowDbContext>>(services =>
        {
            var options = services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return options.GetProvider() == DatabaseProvider.Postgres
                ? WorkflowDbContextFactories.Postgres(options.ConnectionString)
                : WorkflowDbContextFactories.Sqlite(options.ConnectionString);
        });
        builder.Services.AddSingleton(services => new EfWorkflowStore(services.GetRequiredService<Func<WorkflowDbContext>>()));
        builder.Services.AddSingleton<IWorkflowStore>(services => services.GetRequiredService<EfWorkflowStore>());
        builder.Services.AddSingleton<IWorkflowQueries>(services => services.GetRequiredService<EfWorkflowStore>());
        builder.Services.AddSingleton<IProcessDefinitionSource>(services => new DbProcessDefinitionSource(services.GetRequiredService<Func<WorkflowDbContext>>()));
        // Handlers are keyed services (ah:type → IServiceTaskHandler); the registry finds them there.
        builder.Services.AddServiceTaskHandlers();
        builder.Services.AddSingleton<IServiceTaskHandlerRegistry, ServiceProviderHandlerRegistry>();
        builder.Services.AddSingleton<IExpressionEvaluator, JintExpressionEvaluator>();
        builder.Services.AddSingleton<BusinessCalendar>(services => CalendarLoading.Load(services.GetRequiredService<IOptions<CalendarOptions>>().Value));
        builder.Services.AddSingleton<IBusinessCalendar>(services => services.GetRequiredService<BusinessCalendar>());
        builder.Services.AddSingleton(services => new WorkflowEngine(
            services.GetRequiredService<IWorkflowStore>(),
            services.GetRequiredService<IProcessDefinitionSource>(),
            services.GetRequiredService<IServiceTaskHandlerRegistry>(),
            services.GetRequiredService<IExpressionEvaluator>(),
            services.GetRequiredService<TimeProvider>(),
            services.GetRequiredService<IBusinessCalendar>(),
            new WorkflowEngineOptions { TaskProjection = Cases.CaseTaskProjection.Create() }));
        builder.Services.AddHostedService<CalendarCheck>();
        builder.AddJobScheduling();
        return builder;
    }
}

/// <summary>Where the working-day calendar files are.</summary>
internal sealed class CalendarOptions
{
    public const string SectionName = "Calendar";

    /// <summary>A folder of <c>cn-YYYY.json</c> files; default: the <c>calendar</c> folder shipped next to the binary.</summary>
    public string? Path { get; set; }
}

internal static class CalendarLoading
{
    public static BusinessCalendar Load(CalendarOptions options)
    {
        var folder = string.IsNullOrWhiteSpace(options.Path)
            ? System.IO.Path.Combine(AppContext.BaseDirectory, "calendar")
            : System.IO.Path.GetFullPath(options.Path);
        if (!Directory.Exists(folder))
        {
            throw new InvalidOperationException(
                $"The working-day calendar folder {folder} does not exist. Set Calendar:Path to a folder of cn-YYYY.json files (definitions/calendar in the repository).");
        }

        return BusinessCalendarFiles.Load(folder);
    }
}

/// <summary>
/// Says loudly at startup when the calendar lacks this year or next year: deadlines in a missing
/// year would count Monday to Friday only, which is wrong around every public holiday.
/// </summary>
internal sealed class CalendarCheck(BusinessCalendar calendar, TimeProvider time, ILogger<CalendarCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var year = time.GetUtcNow().ToOffset(BusinessCalendarFiles.ChinaOffset).Year;
        var missing = calendar.MissingYears(year, year + 1).ToList();
        if (missing.Count > 0)
        {
            logger.CalendarYearsMissing(string.Join(", ", missing), string.Join(", ", calendar.Years.Order()));
        }
        else
        {
            logger.CalendarLoaded(string.Join(", ", calendar.Years.Order()));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
