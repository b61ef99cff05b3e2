using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime;
using ApprovalHub.Workflows.Runtime.State;
using ApprovalHub.Workflows.Runtime.Storage;

namespace ApprovalHub.Supervision.Warnings;

/// <summary>
/// Opens warning cases with <see cref="WorkflowEngine.StartAsync"/>: unit 31 (隐患整改闭环) gets the
/// variables its order form would carry, unit 32 (监督检查) the subject as its one target. The
/// business key is the subject's code, so the case shows on the device's timeline (docs/registry.md).
/// </summary>
public sealed class EngineWarningCases(WorkflowEngine engine, IWorkflowQueries queries, WarningOptions options) : IWarningCases
{
    /// <summary>The variable that ties a case to its warning.</summary>
    public const string WarningIdVariable = "warningId";

    /// <inheritdoc />
    public async Task<Guid> OpenAsync(WarningCaseRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var definition = WarningRules.Get(request.Rule);

        // Idempotent: a case this warning already opened and that still runs is the case.
        foreach (var instance in await queries.FindByBusinessKeyAsync(request.SubjectCode, cancellationToken))
        {
            if (instance.Status == InstanceStatus.Active && instance.ProcessKey == definition.ProcessKey
                && instance.Scopes.Count > 0 && instance.Scopes[0].Variables.TryGetValue(WarningIdVariable, out var id) && id is JsonValue value
                && value.TryGetValue(out long warningId) && warningId == request.WarningId)
            {
                return instance.Id;
            }
        }

        var variables = new Dictionary<string, JsonNode?>
        {
            [WarningIdVariable] = request.WarningId,
            ["warningRule"] = definition.Code,
            ["warningName"] = definition.Name,
            ["regionCode"] = request.RegionCode,
            ["organisationId"] = request.OrganisationId,
            ["organisationName"] = request.OrganisationName,
            ["description"] = request.Detail,
        };
        if (definition.Subject == WarningSubject.Device)
        {
            variables["equipmentCode"] = request.SubjectCode;
        }

        if (definition.ProcessKey == WarningRules.HazardRectification)
        {
            // What the county's order (指令书) would say; the order number names the warning.
            variables["orderNo"] = string.Create(CultureInfo.InvariantCulture, $"YJ{request.WarningId:00000000}");
            variables["hazard"] = $"{definition.Name}：{request.Detail}";
            variables["hazardLevel"] = "general";
            variables["deadline"] = request.RectifyBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            variables["stopUse"] = false;
        }
        else
        {
            // What the county's check plan (unit 32's start form) would say: one target, the unit that must act.
            variables["planName"] = $"预警督办：{definition.Name}";
            variables["planFrom"] = request.RectifyBy.AddDays(-options.RectificationDays).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            variables["planTo"] = request.RectifyBy.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            variables["targets"] = new JsonArray(new JsonObject
            {
                ["organisationId"] = request.OrganisationId,
                ["organisationName"] = request.OrganisationName,
                ["inspectors"] = "待指派",
            });
        }

        var started = await engine.StartAsync(
            new StartProcessRequest(definition.ProcessKey) { BusinessKey = request.SubjectCode, Variables = variables, Initiator = options.Initiator },
            cancellationToken);
        return started.InstanceId;
    }

    /// <inheritdoc />
    public async Task<bool> NotifyAsync(Guid instanceId, IReadOnlyDictionary<string, JsonNode?> variables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(variables);
        var instance = await queries.GetInstanceAsync(instanceId, cancellationToken);
        if (instance is null || instance.Status != InstanceStatus.Active)
        {
            return false;
        }

        try
        {
            await engine.SetVariablesAsync(instanceId, variables, options.Initiator, cancellationToken);
            return true;
        }
        catch (WorkflowException ex) when (ex.Kind is WorkflowErrorKind.NotFound or WorkflowErrorKind.Conflict)
        {
            // Ended between the read and the write: nothing left to tell.
            return false;
        }
    }
}
