using System.Security.Claims;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Security;
using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Regions;
using ApprovalHub.Workflows.Forms;
using ApprovalHub.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// Starting applications (<see cref="ICaseApplications"/>): the form is validated on the server,
/// the caller must be the unit's applicant (role and level from the catalog), and the case gets
/// the variables the definitions and the queue read: region, organisation, parties, number.
/// Nothing is stored when anything is refused.
/// </summary>
internal sealed partial class CaseApplications(
    CaseCallers callers,
    IUnitCatalog catalog,
    IServiceScopeFactory scopes,
    BusinessKeys keys,
    Drafts drafts,
    WorkflowEngine engine,
    TimeProvider time,
    ILogger<CaseApplications> logger) : ICaseApplications
{
    /// <inheritdoc />
    public async Task<StartedCase> StartAsync(ClaimsPrincipal user, string unitCode, StartApplication application, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(application);
        var caller = await callers.FromAsync(user, cancellationToken);
        var me = caller.UserName ?? throw CaseException.Forbidden("请先登录。");
        var unit = catalog.FindUnit(unitCode) ?? throw CaseException.NotFound($"没有编号为“{unitCode}”的业务。");
        RequireApplicant(caller, unit);

        var schema = catalog.FindForm(unit.FormKey)!;
        var deviceCode = string.IsNullOrWhiteSpace(application.DeviceCode) ? null : application.DeviceCode.Trim();
        var data = Submission(schema, application.Data, deviceCode);
        var draft = application.DraftId is { } draftId
            ? await drafts.FindAsync(me, draftId, cancellationToken) is { } found && found.OwnerKey == unit.Code
                ? found
                : throw CaseException.Field("draftId", "草稿不存在，或不是本业务的草稿")
            : null;

        await using var services = scopes.CreateAsyncScope();
        var registry = services.ServiceProvider.GetRequiredService<RegistryDbContext>();
        var code = Text(data, CaseVariables.EquipmentCode) ?? deviceCode;
        var device = code is null ? null : await registry.Devices.AsNoTracking().FirstOrDefaultAsync(d => d.EquipmentCode == code, cancellationToken);
        if (device is not null && !caller.HasRole(Roles.Producer)
            && !await registry.Devices.AsNoTracking().VisibleTo(caller.Scope).AnyAsync(d => d.Id == device.Id, cancellationToken))
        {
            // Producers install and repair other units' equipment; everyone else applies for their own.
            throw CaseException.Forbidden($"设备 {code} 不在您的辖区或单位名下，不能为它申请。");
        }

        var organisationId = IsOrganisationApplicant(unit) ? caller.OrganisationIds[0] : device?.UserOrganisationId;
        var organisation = organisationId is { } id
            ? await registry.Organisations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            : null;
        var regionCode = device?.RegionCode ?? organisation?.RegionCode
                         ?? (caller.RegionCode is { } own && RegionCodes.TryValidate(own, out _) ? own : null)
                         ?? throw CaseException.Field(CaseVariables.EquipmentCode, "无法确定办理地区：请填写已登记的设备代码");
        var parties = await PartiesAsync(registry, unit, schema, data, device, cancellationToken);
        if (organisationId is { } applicant)
        {
            parties.Remove(applicant);
        }

        var variables = data.ToDictionary(p => p.Key, p => p.Value?.DeepClone());
        variables[CaseVariables.RegionCode] = regionCode;
        if (organisationId is { } organisationValue)
        {
            variables[CaseVariables.OrganisationId] = organisationValue;
        }

        if (Text(data, CaseVariables.OrganisationName) is null
            && (organisation?.Name ?? (IsOrganisationApplicant(unit) ? caller.DisplayName : null)) is { Length: > 0 } name)
        {
            variables[CaseVariables.OrganisationName] = name;
        }

        if (code is not null && !variables.ContainsKey(CaseVariables.EquipmentCode))
        {
            variables[CaseVariables.EquipmentCode] = code;
        }

        if (parties.Count > 0)
        {
            variables[CaseVariables.Parties] = new JsonArray([.. parties.Order().Select(p => (JsonNode?)p)]);
        }

        var businessKey = await keys.NextAsync(unit.Code, cancellationToken);
        var started = await StartProcessAsync(unit, new StartProcessRequest(unit.ProcessKey) { BusinessKey = businessKey, Variables = variables, Initiator = me }, cancellationToken);
        if (draft is not null)
        {
            await drafts.DeleteAsync(draft.Id, cancellationToken);
        }

        logger.CaseStarted(businessKey, unit.Code, me, regionCode, started.InstanceId);
        return new StartedCase(started.InstanceId, businessKey, unit.Code,
            [.. started.Tasks.Select(t => new OpenedTask(t.TaskId, t.InstanceId, t.ElementId, t.Name))]);
    }

    /// <summary>The applicant of a unit must hold its role (and, for regulators, its level).</summary>
    private static void RequireApplicant(CaseCaller caller, CatalogUnit unit)
    {
        var applicant = unit.Applicant;
        var allowed = applicant.Role switch
        {
            CatalogParty.PublicRole => false,
            Roles.Regulator => caller.RegulatorLevel?.ToString().Equals(applicant.Level, StringComparison.OrdinalIgnoreCase) == true,
            CatalogParty.MaintenanceRole => caller.Groups.Contains(CatalogParty.MaintenanceRole),
            _ => caller.HasRole(applicant.Role) && caller.OrganisationIds.Count > 0,
        };
        if (!allowed)
        {
            throw CaseException.Forbidden(applicant.Role switch
            {
                CatalogParty.PublicRole => "公众投诉举报请扫描设备二维码提交。",
                Roles.Regulator => $"“{unit.Title}”由{LevelName(applicant.Level)}监管部门发起。",
                CatalogParty.MaintenanceRole => $"“{unit.Title}”由已登记的维保单位申报。",
                _ => $"“{unit.Title}”由{RoleName(applicant.Role)}申报。",
            });
        }
    }

    /// <summary>Units whose applicant acts for an organisation: the case belongs to that organisation.</summary>
    private static bool IsOrganisationApplicant(CatalogUnit unit) => unit.Applicant.Role is not (Roles.Regulator or CatalogParty.PublicRole);

    /// <summary>The submission with the device code filled in from the request, validated against the unit's form.</summary>
    private static JsonObject Submission(FormSchema schema, JsonObject? submitted, string? deviceCode)
    {
        var data = submitted?.DeepClone() as JsonObject ?? [];
        if (deviceCode is not null && FormKeys.Has(schema, CaseVariables.EquipmentCode))
        {
            var given = Text(data, CaseVariables.EquipmentCode);
            if (given is null)
            {
                data[CaseVariables.EquipmentCode] = deviceCode;
            }
            else if (given != deviceCode)
            {
                throw CaseException.Field(CaseVariables.EquipmentCode, "表单中的设备代码与所选设备不一致");
            }
        }

        var result = FormValidator.Validate(schema, data);
        return result.IsValid
            ? data
            : throw new CaseException(CaseErrorKind.Invalid, "表单校验未通过。", new Dictionary<string, string[]>(result.ToDictionary()));
    }

    /// <summary>
    /// The organisations that take part besides the applicant: the device's user unit and
    /// maintenance unit, and the inspection body the form names (or, for inspection units, the
    /// device's last one).
    /// </summary>
    private static async Task<HashSet<long>> PartiesAsync(
        RegistryDbContext registry, CatalogUnit unit, FormSchema schema, JsonObject data, Device? device, CancellationToken cancellationToken)
    {
        var parties = new HashSet<long>();
        if (device is not null)
        {
            parties.Add(device.UserOrganisationId);
            if (device.MaintenanceOrganisationId is { } maintainer)
            {
                parties.Add(maintainer);
            }
        }

        if (FormKeys.Has(schema, "inspectionBody") && Text(data, "inspectionBody") is { } bodyName)
        {
            var body = await registry.Organisations.AsNoTracking()
                .Where(o => o.Name == bodyName && (o.Roles & OrganisationRoles.InspectionBody) == OrganisationRoles.InspectionBody)
                .Select(o => (long?)o.Id)
                .FirstOrDefaultAsync(cancellationToken);
            parties.Add(body ?? throw CaseException.Field("inspectionBody", $"未找到名为“{bodyName}”的已登记检验机构"));
        }
        else if ((unit.Decider?.Role == Roles.Inspector || unit.Applicant.Role == Roles.Inspector) && device?.InspectionOrganisationId is { } inspector)
        {
            parties.Add(inspector);
        }

        return parties;
    }

    private async Task<StartedInstance> StartProcessAsync(CatalogUnit unit, StartProcessRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await engine.StartAsync(request, cancellationToken);
        }
        catch (WorkflowException ex) when (ex.Kind == WorkflowErrorKind.NotFound)
        {
            throw CaseException.Conflict($"“{unit.Title}”的流程尚未发布，暂不能申请。");
        }
        catch (WorkflowException ex)
        {
            throw EngineRefusals.Translate(ex);
        }
    }

    private static string? Text(JsonObject data, string key) =>
        data[key] is JsonValue value && value.TryGetValue(out string? text) && !string.IsNullOrWhiteSpace(text) ? text.Trim() : null;

    private static string LevelName(string? level) => level switch
    {
        "national" => "国家级",
        "province" => "省级",
        "city" => "市级",
        "county" => "县级",
        "street" => "乡镇（街道）",
        _ => level ?? string.Empty,
    };

    private static string RoleName(string role) => role switch
    {
        Roles.Enterprise => "使用单位",
        Roles.Producer => "生产（安装、改造、修理）单位",
        Roles.Inspector => "检验检测机构",
        _ => role,
    };
}
