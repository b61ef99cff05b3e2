using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Runtime.Definitions;
using ApprovalHub.Workflows.Runtime.Services;
using ApprovalHub.Workflows.Runtime.Storage;

namespace ApprovalHub.Workflows.Runtime.Execution;

/// <summary>What a command needs from outside: storage, definitions, handlers, expressions, time.</summary>
internal sealed record EngineServices(
    IWorkflowStore Store,
    IProcessDefinitionSource Definitions,
    IServiceTaskHandlerRegistry Handlers,
    RuntimeExpressions Expressions,
    TimeProvider Time,
    IBusinessCalendar? Calendar,
    WorkflowEngineOptions Options);
