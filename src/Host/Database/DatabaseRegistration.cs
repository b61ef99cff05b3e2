using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Database;

internal static class DatabaseRegistration
{
    /// <summary>
    /// Registers <see cref="WorkflowDbContext"/> as the provider-specific context that
    /// <c>Database:Provider</c> names, its readiness check, and the startup initializer.
    /// </summary>
    public static IHostApplicationBuilder AddWorkflowDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        // Both contexts are registered; the provider is chosen when WorkflowDbContext is resolved,
        // after options validation, so a bad Database:Provider fails startup with its own message
        // instead of failing here while the container is being built.
        builder.Services.AddDbContext<SqliteWorkflowDbContext>((services, options) =>
            options.UseSqlite(Configured(services).ConnectionString));
        builder.Services.AddDbContext<PostgresWorkflowDbContext>((services, options) =>
            options.UseNpgsql(Configured(services).ConnectionString));
        builder.Services.AddScoped<WorkflowDbContext>(services => Configured(services).GetProvider() switch
        {
            DatabaseProvider.Sqlite => services.GetRequiredService<SqliteWorkflowDbContext>(),
            DatabaseProvider.Postgres => services.GetRequiredService<PostgresWorkflowDbContext>(),
            var other => throw new InvalidOperationException($"Internal bug: no DbContext for database provider {other}, please report."),
        });

        // The registry lives in the same database with its own context and migrations history
        // (__reg_migrations), so its migrations never conflict with the engine's.
        // Pooled: registry reads are many and small (QR scans, lookups), so contexts are reused.
        builder.Services.AddDbContextPool<SqliteRegistryDbContext>((services, options) =>
            options.UseSqlite(Configured(services).ConnectionString, sqlite => sqlite.MigrationsHistoryTable(RegistryDbContext.MigrationsTable)));
        builder.Services.AddDbContextPool<PostgresRegistryDbContext>((services, options) =>
            options.UseNpgsql(RegistryConnections.ForPostgres(Configured(services).ConnectionString), npgsql => npgsql.MigrationsHistoryTable(RegistryDbContext.MigrationsTable)));
        builder.Services.AddScoped<RegistryDbContext>(services => Configured(services).GetProvider() switch
        {
            DatabaseProvider.Sqlite => services.GetRequiredService<SqliteRegistryDbContext>(),
            DatabaseProvider.Postgres => services.GetRequiredService<PostgresRegistryDbContext>(),
            var other => throw new InvalidOperationException($"Internal bug: no registry DbContext for database provider {other}, please report."),
        });

        builder.Services.AddHealthChecks().AddDbContextCheck<WorkflowDbContext>("database", tags: [HealthTags.Ready]);
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    private static DatabaseOptions Configured(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
}
