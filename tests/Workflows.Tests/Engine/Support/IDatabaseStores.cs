using ApprovalHub.Workflows.Persistence;

namespace ApprovalHub.Workflows.Tests.Engine.Support;

/// <summary>A store factory backed by a real database, whose contexts tests may use to seed or inspect rows.</summary>
public interface IDatabaseStores : IStoreFactory
{
    /// <summary>Contexts on the current test's database; set by <see cref="IStoreFactory.CreateAsync"/>.</summary>
    Func<WorkflowDbContext> Contexts { get; }
}
