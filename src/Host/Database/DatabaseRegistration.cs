using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Host.Iot;
using ApprovalHub.Host.Security.Persistence;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Database;

internal static class DatabaseRegistration
{
    /// <summary>
    /// Registers <see cref="WorkflowDbContext"/> and <see cref="SecurityDbContext"/> as the
    /// provider-specific contexts that <c>Database:Provider</c> names, the readiness check, and the
    /// startup initializer that migrates both.
    /// </summary>
    public static IHostApplicationBuilder AddWorkflowDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSecurityDbContext();

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

        // The IoT tables (alarms, credentials, telemetry): another context, history __iot_migrations.
        builder.Services.AddIotDbContext();

        builder.Services.AddHealthChecks().AddDbContextCheck<WorkflowDbContext>("database", tags: [HealthTags.Ready]);
        builder.Services.AddHostedService<DatabaseInitializer>();
        return builder;
    }

    /// <summary>
    /// Registers <see cref="SecurityDbContext"/> (users, API keys, audit trail) the same way; also
    /// used by the <c>audit verify</c> command, which needs nothing else of the host.
    /// </summary>
    public static IServiceCollection AddSecurityDbContext(this IServiceCollection services)
    {
        services.AddDbContext<SqliteSecurityDbContext>((provider, options) =>
            options.UseSqlite(Configured(provider).ConnectionString, o => o.MigrationsHistoryTable(SecurityDbContext.MigrationsHistoryTable)));
        services.AddDbContext<PostgresSecurityDbContext>((provider, options) =>
            options.UseNpgsql(Configured(provider).ConnectionString, o => o.MigrationsHistoryTable(SecurityDbContext.MigrationsHistoryTable)));
        services.AddScoped<SecurityDbContext>(provider => Configured(provider).GetProvider() switch
        {
            DatabaseProvider.Sqlite => provider.GetRequiredService<SqliteSecurityDbContext>(),
            DatabaseProvider.Postgres => provider.GetRequiredService<PostgresSecurityDbContext>(),
            var other => throw new InvalidOperationException($"Internal bug: no DbContext for database provider {other}, please report."),
        });
        return services;
    }

    private static DatabaseOptions Configured(IServiceProvider services) =>
        services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
}
