using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Workflows.Deployment;

namespace ApprovalHub.Host.Definitions;

internal static class DeploymentLogging
{
    /// <summary>Logs what a deployment did, one event per process, with the stable 1000s ids.</summary>
    public static void LogDeployment(this ILogger logger, DeploymentRequest request, DeploymentResult result)
    {
        if (!result.Succeeded)
        {
            var errors = result.Diagnostics.Where(d => d.IsError).ToList();
            logger.DeploymentRejected(request.SourceFile, errors.Count, errors[0].Format(request.SourceFile));
            return;
        }

        if (result.ConflictRetries > 0)
        {
            logger.DeploymentRetried(request.SourceFile, result.ConflictRetries);
        }

        foreach (var process in result.Processes)
        {
            if (process.Outcome == DeploymentOutcome.Created)
            {
                logger.DefinitionVersionCreated(process.ProcessKey, process.Version, request.DeployedBy, request.SourceFile);
            }
            else
            {
                logger.DefinitionUnchanged(process.ProcessKey, process.Version);
            }
        }
    }
}
