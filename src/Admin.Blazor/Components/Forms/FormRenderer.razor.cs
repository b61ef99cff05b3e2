using System.Text.Json.Nodes;
using ApprovalHub.Workflows.Forms;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Localization;
using Microsoft.JSInterop;

namespace ApprovalHub.Admin.Blazor.Components.Forms;

/// <summary>
/// Draws a form-js schema (<c>definitions/forms/*.form</c>) with Ant Design and collects the JSON
/// object the server validates. It checks the data with the server's rules before it is sent
/// (<see cref="FormRulesValidator"/>), shows the server's own field errors where they belong, and
/// can show a submitted form read-only.
/// </summary>
/// <remarks>
/// A page either puts a submit button in <see cref="Actions"/> and handles <see cref="OnValidSubmit"/>,
/// or calls <see cref="Validate"/> and <see cref="Submission"/> itself (to save a draft unchecked, say).
/// The component edits its own copy of <see cref="Value"/>; a new <see cref="Value"/> or
/// <see cref="Schema"/> starts the form again.
/// </remarks>
public partial class FormRenderer : IAsyncDisposable
{
    private static int _instances;
    private readonly string _idPrefix = $"ahf{Interlocked.Increment(ref _instances)}";
    private FormState? _state;
    private string? _schemaError;
    private string? _renderedSchema;
    private JsonObject? _renderedValue;
    private JsonObject? _lastEmitted;
    private FormDefinition? _definition;
    private string? _definitionSchema;
    private IReadOnlyDictionary<string, string[]>? _renderedServerErrors;
    private ElementReference _form;
    private IJSObjectReference? _module;

    [Inject]
    private IStringLocalizer<FormsText> Text { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    /// <summary>The form-js schema as JSON text. Required.</summary>
    [Parameter, EditorRequired]
    public required string Schema { get; set; }

    /// <summary>The data to start from (a draft, a submitted case); null for a new form. Never changed by the renderer.</summary>
    [Parameter]
    public JsonObject? Value { get; set; }

    /// <summary>Called with a copy of the data after every change (autosave, a live preview).</summary>
    [Parameter]
    public EventCallback<JsonObject> ValueChanged { get; set; }

    /// <summary>Shows the data as text, for officials' task pages and case pages.</summary>
    [Parameter]
    public bool ReadOnly { get; set; }

    /// <summary>The server's field errors (ValidationProblemDetails.Errors), shown on their fields.</summary>
    [Parameter]
    public IReadOnlyDictionary<string, string[]>? ServerErrors { get; set; }

    /// <summary>Buttons at the end of the form; a <c>submit</c> button there validates and calls <see cref="OnValidSubmit"/>.</summary>
    [Parameter]
    public RenderFragment? Actions { get; set; }

    /// <summary>Called with the data when the form is submitted and passes every rule.</summary>
    [Parameter]
    public EventCallback<JsonObject> OnValidSubmit { get; set; }

    /// <summary>Accessible name of the form; the schema's title when not set.</summary>
    [Parameter]
    public string? AriaLabel { get; set; }

    /// <summary>Extra CSS class on the form.</summary>
    [Parameter]
    public string? Class { get; set; }

    /// <summary>The form's title from the schema, once it has been read.</summary>
    public string? Title => _state?.Definition.Title;

    /// <summary>True when the schema could not be read (the message is shown instead of the form).</summary>
    public bool HasSchemaError => _schemaError is not null;

    private IReadOnlyList<(string Path, string Message)> Unplaced => _state?.UnplacedErrors() ?? [];

    /// <summary>Shows every error; true when the data may be sent.</summary>
    public bool Validate()
    {
        var valid = _state?.Validate() ?? false;
        StateHasChanged();
        return valid;
    }

    /// <summary>A copy of the data as it stands, checked or not (for a draft).</summary>
    public JsonObject Submission() => _state?.Submission() ?? [];

    protected override void OnParametersSet()
    {
        // With @bind-Value the page hands back the copy this form emitted: that is no new start.
        var newValue = !ReferenceEquals(_renderedValue, Value) && !(Value is not null && ReferenceEquals(Value, _lastEmitted));
        if (!string.Equals(_renderedSchema, Schema, StringComparison.Ordinal) || newValue)
        {
            Start();
        }

        _renderedValue = Value;

        if (!ReferenceEquals(_renderedServerErrors, ServerErrors))
        {
            _renderedServerErrors = ServerErrors;
            _state?.SetServerErrors(ServerErrors);
        }
    }

    private void Start()
    {
        _renderedSchema = Schema;
        _renderedValue = Value;
        _renderedServerErrors = ServerErrors;
        if (_state is not null)
        {
            _state.Changed = null;
        }

        try
        {
            if (_definition is null || !string.Equals(_renderedSchema, _definitionSchema, StringComparison.Ordinal))
            {
                _definition = FormDefinition.Parse(Schema);
                _definitionSchema = Schema;
            }

            _state = new FormState(_definition, Value, new FormRulesValidator(Text));
            _schemaError = null;
            _state.SetServerErrors(ServerErrors);
            _state.Changed = OnStateChangedAsync;
        }
        catch (FormSchemaException ex)
        {
            _state = null;
            _definition = null;
            _schemaError = ex.Message;
        }
    }

    private async Task OnStateChangedAsync()
    {
        StateHasChanged();
        if (ValueChanged.HasDelegate && _state is not null)
        {
            _lastEmitted = _state.Submission();
            await ValueChanged.InvokeAsync(_lastEmitted);
        }
    }

    private async Task SubmitAsync()
    {
        if (_state is null || ReadOnly)
        {
            return;
        }

        if (_state.Validate())
        {
            await OnValidSubmit.InvokeAsync(_state.Submission());
            return;
        }

        StateHasChanged();
        await FocusFirstErrorAsync();
    }

    private async Task FocusFirstErrorAsync()
    {
        try
        {
            _module ??= await JS.InvokeAsync<IJSObjectReference>("import", "./_content/ApprovalHub.Admin.Blazor/js/forms.js");
            await _module.InvokeVoidAsync("focusFirstError", _form);
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone; nothing to focus.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_state is not null)
        {
            _state.Changed = null;
        }

        if (_module is not null)
        {
            try
            {
                await _module.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The browser is gone, and the module with it.
            }
        }

        GC.SuppressFinalize(this);
    }
}
