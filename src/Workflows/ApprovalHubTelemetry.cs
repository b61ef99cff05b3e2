using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ApprovalHub.Workflows;

/// <summary>
/// The one <see cref="System.Diagnostics.ActivitySource"/> and <see cref="System.Diagnostics.Metrics.Meter"/>
/// of ApprovalHub. Both are named <see cref="Name"/> so a host subscribes with a single
/// <c>AddSource</c>/<c>AddMeter</c> call, whatever assembly the span or measurement comes from.
/// </summary>
public static class ApprovalHubTelemetry
{
    /// <summary>The name shared by the activity source and the meter.</summary>
    public const string Name = "ApprovalHub";

    /// <summary>Spans for work that is not an HTTP request: migrations, deployments, seeding.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name);

    /// <summary>Counters and histograms of the engine.</summary>
    public static Meter Meter { get; } = new(Name);

    /// <summary>Definition versions stored by deployments, tagged with the process key.</summary>
    public static Counter<long> DefinitionVersionsCreated { get; } = Meter.CreateCounter<long>(
        "approvalhub.definitions.versions_created",
        unit: "{version}",
        description: "Process definition versions stored by deployments.");

    /// <summary>Deployments retried because another deployment took the same version number first.</summary>
    public static Counter<long> DeploymentConflicts { get; } = Meter.CreateCounter<long>(
        "approvalhub.definitions.deployment_conflicts",
        unit: "{conflict}",
        description: "Deployments retried after losing a race for a version number.");
}
