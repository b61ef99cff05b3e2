using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Runtime.State;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// The process variables the case layer sets at start and reads back (docs/tasks.md): the platform's
/// own (region, organisation, parties) next to the form's fields.
/// </summary>
internal static class CaseVariables
{
    /// <summary>GB/T 2260 code of the case's region: scopes regulators' queues.</summary>
    public const string RegionCode = "regionCode";

    /// <summary>The applicant organisation's registry id.</summary>
    public const string OrganisationId = "organisationId";

    /// <summary>The applicant's name (the form's field where it has one): queue search.</summary>
    public const string OrganisationName = "organisationName";

    /// <summary>The device code (the form's field where it has one): queue search, device card.</summary>
    public const string EquipmentCode = "equipmentCode";

    /// <summary>Other organisations that may see the case's tasks (inspection body, user unit, maintenance unit).</summary>
    public const string Parties = "partyOrganisationIds";

    /// <summary>The variables of the process scope.</summary>
    public static IReadOnlyDictionary<string, JsonNode?> Of(InstanceState state) =>
        state.Scopes.Count > 0 ? state.Scopes[0].Variables : new Dictionary<string, JsonNode?>();

    public static string? Text(InstanceState state, string name) =>
        Of(state).GetValueOrDefault(name) is JsonValue value && value.TryGetValue(out string? text) ? text : null;

    public static long? Number(InstanceState state, string name) =>
        Of(state).GetValueOrDefault(name) is JsonValue value && value.TryGetValue(out long number) ? number : null;

    public static IReadOnlyList<long> Ids(InstanceState state, string name) =>
        Of(state).GetValueOrDefault(name) is JsonArray array
            ? [.. array.OfType<JsonValue>().Select(v => v.TryGetValue(out long id) ? id : (long?)null).OfType<long>()]
            : [];
}
