using System.Text.Json.Nodes;

namespace ApprovalHub.Workflows.Runtime.Services;

/// <summary>
/// Application code a service task calls, by its <c>ah:type</c>. Handlers must be idempotent on
/// <see cref="ServiceTaskContext.IdempotencyKey"/>: after a crash the same call can come twice.
/// Throw <see cref="BpmnErrorException"/> for a business error the process models
/// (an error boundary event catches it); any other exception is a technical failure (an incident).
/// </summary>
public interface IServiceTaskHandler
{
    /// <summary>Does the work.</summary>
    ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken);
}

/// <summary>Finds handlers by <c>ah:type</c>.</summary>
public interface IServiceTaskHandlerRegistry
{
    /// <summary>The handler for a type, if one is registered.</summary>
    bool TryGet(string type, out IServiceTaskHandler handler);
}

/// <summary>A registry filled by hand (tests, CLI) or from DI.</summary>
public sealed class ServiceTaskHandlerRegistry : IServiceTaskHandlerRegistry
{
    private readonly Dictionary<string, IServiceTaskHandler> _handlers = new(StringComparer.Ordinal);

    /// <summary>Registers a handler for a type, replacing any earlier one.</summary>
    public ServiceTaskHandlerRegistry Add(string type, IServiceTaskHandler handler)
    {
        _handlers[type] = handler;
        return this;
    }

    /// <summary>Registers a delegate as the handler for a type.</summary>
    public ServiceTaskHandlerRegistry Add(string type, Func<ServiceTaskContext, CancellationToken, ValueTask> handler) =>
        Add(type, new DelegateHandler(handler));

    /// <inheritdoc />
    public bool TryGet(string type, out IServiceTaskHandler handler) => _handlers.TryGetValue(type, out handler!);

    private sealed class DelegateHandler(Func<ServiceTaskContext, CancellationToken, ValueTask> handler) : IServiceTaskHandler
    {
        public ValueTask ExecuteAsync(ServiceTaskContext context, CancellationToken cancellationToken) => handler(context, cancellationToken);
    }
}

/// <summary>What a service-task handler sees and may change.</summary>
public sealed class ServiceTaskContext
{
    private readonly Func<string, JsonNode?> _read;

    internal ServiceTaskContext(Guid instanceId, string processKey, string? businessKey, string elementId, string handlerType, int attempt, Func<string, JsonNode?> read)
    {
        InstanceId = instanceId;
        ProcessKey = processKey;
        BusinessKey = businessKey;
        ElementId = elementId;
        HandlerType = handlerType;
        Attempt = attempt;
        _read = read;
    }

    public Guid InstanceId { get; }

    public string ProcessKey { get; }

    public string? BusinessKey { get; }

    public string ElementId { get; }

    public string HandlerType { get; }

    /// <summary>1 for the first attempt; retries count up.</summary>
    public int Attempt { get; }

    /// <summary>Instance, element and attempt: the same call after a crash carries the same key.</summary>
    public string IdempotencyKey => $"{InstanceId:N}:{ElementId}:{Attempt}";

    private Dictionary<string, JsonNode?>? _output;

    /// <summary>Variables the handler set; the engine writes them into the instance when it returns.</summary>
    public IReadOnlyDictionary<string, JsonNode?> Output => (IReadOnlyDictionary<string, JsonNode?>?)_output ?? EmptyOutput;

    private static readonly Dictionary<string, JsonNode?> EmptyOutput = [];

    /// <summary>The handler's result, stored in <c>ah:resultVariable</c> if the task names one.</summary>
    public JsonNode? Result { get; set; }

    /// <summary>Reads a variable visible at the task (null when undefined).</summary>
    public JsonNode? GetVariable(string name) => _output is not null && _output.TryGetValue(name, out var value) ? value : _read(name);

    /// <summary>Sets a variable (in the scope where it is defined, else on the process).</summary>
    public void SetVariable(string name, JsonNode? value) => (_output ??= new(StringComparer.Ordinal))[name] = value;
}

/// <summary>A business error a BPMN error boundary event can catch (by its error code).</summary>
public sealed class BpmnErrorException : Exception
{
    public BpmnErrorException(string errorCode, string message)
        : base(message)
    {
        ErrorCode = errorCode;
    }

    public BpmnErrorException()
        : this("error", "A BPMN error was thrown.")
    {
    }

    public BpmnErrorException(string message)
        : this("error", message)
    {
    }

    public BpmnErrorException(string message, Exception innerException)
        : base(message, innerException)
    {
        ErrorCode = "error";
    }

    /// <summary>The code matched against error boundary events.</summary>
    public string ErrorCode { get; } = "error";
}
