using System.Text.Json.Nodes;

namespace ApprovalHub.Supervision.Warnings;

/// <summary>What a case needs to know about its warning.</summary>
/// <param name="WarningId">The warning.</param>
/// <param name="Rule">Its rule.</param>
/// <param name="SubjectCode">设备代码 or 信用代码: the case's business key.</param>
/// <param name="RegionCode">The case's region.</param>
/// <param name="OrganisationId">The organisation that must act.</param>
/// <param name="OrganisationName">Its name, for the order.</param>
/// <param name="Detail">What was found.</param>
/// <param name="RectifyBy">The rectification deadline a unit 31 order sets.</param>
public sealed record WarningCaseRequest(
    long WarningId, WarningRule Rule, string SubjectCode, string RegionCode, long OrganisationId, string OrganisationName, string Detail, DateOnly RectifyBy);

/// <summary>
/// How warnings reach the engine: open the rule's case, tell a running case that its warning
/// changed or cleared. <see cref="EngineWarningCases"/> runs the real engine; tests may swap it.
/// </summary>
public interface IWarningCases
{
    /// <summary>
    /// Opens the case of a warning, or adopts a running one the warning opened before (a run that
    /// stopped between starting the case and recording it); returns the instance id.
    /// </summary>
    Task<Guid> OpenAsync(WarningCaseRequest request, CancellationToken cancellationToken);

    /// <summary>Sets variables on a running case; false when it is no longer running.</summary>
    Task<bool> NotifyAsync(Guid instanceId, IReadOnlyDictionary<string, JsonNode?> variables, CancellationToken cancellationToken);
}
