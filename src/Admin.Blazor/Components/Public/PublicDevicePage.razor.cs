using System.Globalization;
using System.Text.Json.Nodes;
using ApprovalHub.Admin.Blazor.Components.Forms;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using ApprovalHub.Supervision.Traceability;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;

namespace ApprovalHub.Admin.Blazor.Components.Public;

/// <summary>
/// The public page of a device (<c>/q/{设备代码}</c>, the URL its QR code encodes): public facts,
/// rescue code and hotline, registration status, and the complaint form of unit 30 (投诉举报),
/// which answers with a reference number and its follow-up page.
/// </summary>
public partial class PublicDevicePage
{
    private PublicDeviceFacts? _facts;
    private FormDefinition? _complaintForm;
    private Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);
    private string? _formError;

    [Inject]
    private IPublicDeviceDirectory Directory { get; set; } = default!;

    [Inject]
    private IUnitCatalog Catalog { get; set; } = default!;

    [Inject]
    private ICaseApplications Cases { get; set; } = default!;

    [Inject]
    private NavigationManager Navigation { get; set; } = default!;

    [Inject]
    private IStringLocalizer<FormsText> FormText { get; set; } = default!;

    [Inject]
    private ILogger<PublicDevicePage> Logger { get; set; } = default!;

    /// <summary>The 设备代码 from the URL.</summary>
    [Parameter]
    public string Code { get; set; } = string.Empty;

    /// <summary>The request: a page rendered without a circuit sets its own status code.</summary>
    [CascadingParameter]
    public HttpContext? HttpContext { get; set; }

    /// <summary>The posted complaint form; empty on a first visit.</summary>
    [SupplyParameterFromForm(FormName = "complaint")]
    public ComplaintInput? Input { get; set; }

    /// <summary>The complaint form's fields a visitor fills in: the device code is this page's, and files cannot be sent from here.</summary>
    private IEnumerable<FormNode> ComplaintFields => (_complaintForm?.Nodes ?? []).Where(n => n.IsField && n.Key != ComplaintKeys.EquipmentCode && n.Type != "filepicker");

    private string LastInspection => _facts?.LastInspectionResult is { } result
        ? $"{result}（{Date(_facts.LastInspectedOn)}）"
        : T["None"];

    protected override async Task OnInitializedAsync()
    {
        Input ??= new ComplaintInput();
        var cancellationToken = HttpContext?.RequestAborted ?? CancellationToken.None;
        _facts = await Directory.FindAsync(Code, cancellationToken);
        if (_facts is null)
        {
            PublicResponses.SetStatus(HttpContext, StatusCodes.Status404NotFound);
            return;
        }

        var unit = Catalog.Units.FirstOrDefault(u => u.Applicant.Role == CatalogParty.PublicRole);
        if (unit is not null && Catalog.FormJson(unit.FormKey) is { } schema)
        {
            _complaintForm = FormDefinition.Parse(schema);
        }
    }

    private async Task SubmitAsync()
    {
        if (_facts is null || _complaintForm is null || Input is null)
        {
            return;
        }

        var data = new JsonObject { [ComplaintKeys.EquipmentCode] = _facts.EquipmentCode };
        foreach (var field in ComplaintFields)
        {
            if (Input.Fields.GetValueOrDefault(field.Key!) is { Length: > 0 } value)
            {
                data[field.Key!] = value.Trim();
            }
        }

        // The same rules the server applies, in the visitor's language, before anything is sent.
        var errors = new FormRulesValidator(FormText).Validate(_complaintForm, data);
        if (errors.Count > 0)
        {
            Refuse(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
            return;
        }

        ComplaintReceipt receipt;
        try
        {
            receipt = await Cases.SubmitComplaintAsync(_facts.EquipmentCode, data, HttpContext?.RequestAborted ?? CancellationToken.None);
        }
        catch (CaseException ex) when (ex.Kind == CaseErrorKind.Invalid)
        {
            Refuse(ex.Errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal));
            return;
        }
        catch (CaseException ex) when (ex.Kind == CaseErrorKind.NotFound)
        {
            _formError = ex.Message;
            return;
        }

        Navigation.NavigateTo($"q/complaints/{Uri.EscapeDataString(receipt.Reference)}?submitted=true");
    }

    private void Refuse(Dictionary<string, string[]> errors)
    {
        _errors = errors;
        var shown = ComplaintFields.Select(f => f.Key!).ToHashSet(StringComparer.Ordinal);
        var elsewhere = errors.Where(e => !shown.Contains(e.Key)).SelectMany(e => e.Value).ToList();
        _formError = elsewhere.Count > 0 ? string.Join(" ", elsewhere) : T["ComplaintFix"];
        Logger.ComplaintInvalid(Code, errors.Count);
        PublicResponses.SetStatus(HttpContext, StatusCodes.Status400BadRequest);
    }

    private IReadOnlyList<string> ErrorsOf(string key) =>
        [.. _errors.Where(e => e.Key == key || e.Key.StartsWith(key + "[", StringComparison.Ordinal)).SelectMany(e => e.Value)];

    private string? Entered(string key) => Input?.Fields.GetValueOrDefault(key);

    private string Or(string? value) => string.IsNullOrWhiteSpace(value) ? T["None"] : value;

    private static string? Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>What the complaint form posts: the unit 30 form's fields by key.</summary>
public sealed class ComplaintInput
{
    /// <summary>Field values by form key (<c>Input.Fields[topic]</c>).</summary>
    public Dictionary<string, string?> Fields { get; set; } = new(StringComparer.Ordinal);
}

/// <summary>Keys of the unit 30 form the page fills itself.</summary>
internal static class ComplaintKeys
{
    /// <summary>The device the complaint is about: the page's own.</summary>
    public const string EquipmentCode = "equipmentCode";
}
