namespace ApprovalHub.Host.Diagnostics;

/// <summary>Tags that decide which health endpoint runs a check.</summary>
internal static class HealthTags
{
    /// <summary>The process is alive (<c>/health/live</c>): restart it if not.</summary>
    public const string Live = "live";

    /// <summary>The node can serve requests (<c>/health/ready</c>): route traffic to it only if so.</summary>
    public const string Ready = "ready";
}
