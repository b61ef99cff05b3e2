using ApprovalHub.Workflows.Deployment;
using ApprovalHub.Workflows.Persistence;

namespace ApprovalHub.Host.Definitions;

/// <summary>What the definition endpoints need, bound with <c>[AsParameters]</c>.</summary>
public sealed class DefinitionServices(WorkflowDbContext db, DefinitionDeployer deployer, ILogger<DefinitionServices> logger)
{
    /// <summary>The request's database context.</summary>
    public WorkflowDbContext Db { get; } = db;

    /// <summary>Stores new versions.</summary>
    public DefinitionDeployer Deployer { get; } = deployer;

    /// <summary>Logs deployments with their stable event ids.</summary>
    public ILogger<DefinitionServices> Logger { get; } = logger;
}
