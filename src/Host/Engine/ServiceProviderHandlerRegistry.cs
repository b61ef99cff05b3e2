using System.Collections.Concurrent;
using ApprovalHub.Workflows.Runtime.Services;

namespace ApprovalHub.Host.Engine;

/// <summary>
/// Finds service-task handlers in DI, registered as keyed <see cref="IServiceTaskHandler"/>s under
/// their <c>ah:type</c>. The engine is a singleton and handlers use scoped services (the registry's
/// DbContext), so each call runs in a scope of its own.
/// </summary>
internal sealed class ServiceProviderHandlerRegistry(IServiceProvider services, IServiceScopeFactory scopes) : IServiceTaskHandlerRegistry
{
    private readonly ConcurrentDictionary<string, IServiceTaskHandler> _handlers = new(StringComparer.Ordinal);
    private readonly IServiceProviderIsKeyedService _keyed = services.GetRequiredService<IServiceProviderIsKeyedService>();

    /// <inheritdoc />
    public bool TryGet(string type, out IServiceTaskHandler handler)
    {
        if (_handlers.TryGetValue(type, out handler!))
        {
            return true;
        }

        if (!_keyed.IsKeyedService(typeof(IServiceTaskHandler), type))
        {
            return false;
        }

        handler = _handlers.GetOrAdd(type, key => new ScopedHandler(scopes, key));
        return true;
    }

    private sealed class ScopedHandler(IServiceScopeFactory scopes, string type) : IServiceTaskHandler
    {
        public async ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken)
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredKeyedService<IServiceTaskHandler>(type).ExecuteAsync(context, cancellationToken);
        }
    }
}
