using ApprovalHub.Host.Definitions;
using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Workflows;
using ApprovalHub.Workflows.Deployment;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Demo;

/// <summary>
/// In demo mode, deploys every <c>definitions/**/*.bpmn</c> at startup. Deploying is idempotent
/// (unchanged content makes no version), so restarting never piles up versions; an edited file
/// becomes the next version, which is how analysts see their change.
/// </summary>
internal sealed class DemoDefinitionsSeeder(
    IServiceScopeFactory scopes,
    IOptions<DemoOptions> options,
    DefinitionsFolder definitionsFolder,
    ILogger<DemoDefinitionsSeeder> logger) : IHostedService
{
    /// <summary>The actor recorded as <c>DeployedBy</c>.</summary>
    public const string Actor = "demo";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var folder = definitionsFolder.Locate(out var looked);
        if (folder is null)
        {
            logger.DemoDefinitionsFolderMissing(looked);
            return;
        }

        var files = Directory.EnumerateFiles(folder, "*.bpmn", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(folder, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        logger.DemoDefinitionsFound(files.Count, folder);

        using var activity = ApprovalHubTelemetry.ActivitySource.StartActivity("deploy demo definitions");
        int created = 0, unchanged = 0, rejected = 0;
        for (var i = 0; i < files.Count; i++)
        {
            logger.DeployingDemoDefinition(i + 1, files.Count, files[i]);
            var xml = await File.ReadAllTextAsync(Path.Combine(folder, files[i]), cancellationToken);
            var request = new DeploymentRequest(xml, Actor, files[i]);

            // One scope (and DbContext) per file: a rejected or failed file leaves nothing behind
            // that could leak into the next one.
            await using var scope = scopes.CreateAsyncScope();
            var result = await scope.ServiceProvider.GetRequiredService<DefinitionDeployer>().DeployAsync(request, cancellationToken);
            logger.LogDeployment(request, result);

            rejected += result.Succeeded ? 0 : 1;
            created += result.Processes.Count(p => p.Outcome == DeploymentOutcome.Created);
            unchanged += result.Processes.Count(p => p.Outcome == DeploymentOutcome.Unchanged);
        }

        logger.DemoDefinitionsDeployed(created, unchanged, rejected);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
