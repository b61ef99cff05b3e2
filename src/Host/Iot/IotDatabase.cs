using ApprovalHub.Host.Database;
using ApprovalHub.Supervision.Iot.Persistence;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Iot;

/// <summary>
/// The IoT context on the configured database (migrations history <c>__iot_migrations</c>): scoped
/// for requests and the migrator, and a factory for ingestion, which runs outside requests.
/// </summary>
internal static class IotDatabase
{
    public static IServiceCollection AddIotDbContext(this IServiceCollection services)
    {
        services.AddSingleton<Func<IotDbContext>>(provider =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return IotDbContextOptions.Factory(database.GetProvider() == DatabaseProvider.Postgres, database.ConnectionString);
        });
        services.AddScoped<IotDbContext>(provider => provider.GetRequiredService<Func<IotDbContext>>()());
        services.AddSingleton(provider =>
        {
            var database = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            return new TelemetryStore(database.GetProvider() == DatabaseProvider.Postgres, database.ConnectionString);
        });
        return services;
    }
}
