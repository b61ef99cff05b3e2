using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime.Services;

namespace ApprovalHub.Supervision.Handlers.Effects;

/// <summary>One run of a handler: the engine's context, its variables, and the outputs it sets.</summary>
public sealed class HandlerCall
{
    private readonly JsonObject _outputs = [];

    internal HandlerCall(ServiceTaskContext context, int run)
    {
        Context = context;
        Run = run;
        Variables = HandlerVariables.Of(context);
    }

    /// <summary>What the engine passed.</summary>
    public ServiceTaskContext Context { get; }

    /// <summary>Which run of the element this is (1 first).</summary>
    public int Run { get; }

    /// <summary>The process variables.</summary>
    public HandlerVariables Variables { get; }

    /// <summary>Sets an output variable; outputs are stored with the effect and set on the instance.</summary>
    public void Output(string name, JsonNode? value) => _outputs[name] = value;

    internal string OutputsJson() => _outputs.ToJsonString();
}
