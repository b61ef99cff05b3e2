using System.Text.Json.Nodes;
using ApprovalHub.Supervision.Handlers;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Services;
using ApprovalHub.Workflows.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace ApprovalHub.Supervision.Tests.Handlers.Support;

/// <summary>
/// Calls handlers the way the engine does — a keyed handler resolved in a scope of its own — with a
/// context built by hand, so a test can call the same run twice and read what each call set.
/// </summary>
public sealed class HandlerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    public HandlerHarness(HandlerDatabase database, DateTimeOffset? now = null)
    {
        Database = database;
        Clock = new FakeTimeProvider(now ?? new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(Workflows);
        services.AddSingleton<IWorkflowQueries>(Workflows);
        services.AddSingleton<IProcessDefinitionSource>(new InMemoryDefinitionRegistry());
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddOptions<RegistryOptions>();
        services.AddScoped(_ => database.NewContext());
        services.AddServiceTaskHandlers();
        _services = services.BuildServiceProvider();
    }

    public HandlerDatabase Database { get; }

    public FakeTimeProvider Clock { get; }

    public InMemoryWorkflowStore Workflows { get; } = new();

    /// <summary>
    /// Calls the handler of <paramref name="type"/> for <paramref name="elementId"/> of an instance of
    /// <paramref name="processKey"/> with <paramref name="variables"/>; returns the variables it set.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, JsonNode?>> CallAsync(
        string type, string processKey, string elementId, IReadOnlyDictionary<string, JsonNode?> variables, Guid? instanceId = null, int attempt = 1)
    {
        var context = new ServiceTaskContext(instanceId ?? Guid.NewGuid(), processKey, null, elementId, type, attempt, name => variables.GetValueOrDefault(name));
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredKeyedService<IServiceTaskHandler>(type).ExecuteAsync(context, TestContext.Current.CancellationToken);
        return context.Output;
    }

    /// <summary>The variables after a call: the ones given, overwritten by what the handler set (the engine's view of the next run).</summary>
    public static Dictionary<string, JsonNode?> After(IReadOnlyDictionary<string, JsonNode?> variables, IReadOnlyDictionary<string, JsonNode?> output)
    {
        var next = new Dictionary<string, JsonNode?>(variables, StringComparer.Ordinal);
        foreach (var (name, value) in output)
        {
            next[name] = value;
        }

        return next;
    }

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}

/// <summary>Building variables without ceremony.</summary>
public static class Vars
{
    public static Dictionary<string, JsonNode?> Of(params (string Name, object? Value)[] values) =>
        values.ToDictionary(v => v.Name, v => v.Value switch
        {
            null => null,
            JsonNode node => node,
            string text => JsonValue.Create(text),
            long number => JsonValue.Create(number),
            int number => JsonValue.Create(number),
            bool flag => JsonValue.Create(flag),
            _ => throw new ArgumentException($"Unsupported variable value {v.Value}."),
        }, StringComparer.Ordinal);
}
