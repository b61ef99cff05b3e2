using ApprovalHub.Workflows.Parsing;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;

namespace ApprovalHub.Admin.Blazor.Components.Admin.Designer;

/// <summary>
/// The BPMN designer: bpmn-js's modeler with the ah: extensions in the browser; the property panel,
/// validation, drafts, publishing, import and export on the server.
/// </summary>
public sealed partial class DesignerPage
{
    /// <summary>The largest file an import accepts, the same as the API's upload limit.</summary>
    public const long MaxImportBytes = 10 * 1024 * 1024;

    private readonly CancellationTokenSource _disposed = new();
    private ElementReference _canvas;
    private IJSObjectReference? _module;
    private IJSObjectReference? _designer;
    private DotNetObjectReference<DesignerPage>? _self;
    private DesignerDocument? _document;
    private string? _shownKey;
    private PropertyPanelModel? _panel;
    private IReadOnlyList<BpmnDiagnostic> _diagnostics = [];
    private string? _message;
    private bool _messageIsError;
    private bool _dirty;
    private bool _busy;

    /// <summary>The process key from the route.</summary>
    [Parameter]
    public required string Key { get; set; }

    [CascadingParameter]
    private Task<AuthenticationState>? Authentication { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        _document = await Designer.OpenAsync(Key, _disposed.Token)
                    ?? (NewDefinition.IsValidKey(Key) ? new DesignerDocument(Key, NewDefinition.Template(Key, Key), IsDraft: false, Version: null) : null);
        if (_document is null)
        {
            Show(T["InvalidKey", Key], error: true);
        }
        else
        {
            _diagnostics = Designer.Validate(_document.Xml);
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (_document is null || _shownKey == Key)
        {
            return;
        }

        try
        {
            // The same page instance serves another key when the address changes: load that one instead.
            _shownKey = Key;
            if (_designer is null)
            {
                _module = await JS.InvokeAsync<IJSObjectReference>("import", _disposed.Token, "./_content/ApprovalHub.Admin.Blazor/js/bpmn-designer.js");
                _self = DotNetObjectReference.Create(this);
                _designer = await _module.InvokeAsync<IJSObjectReference>("create", _disposed.Token, _canvas, _document.Xml, _self);
            }
            else
            {
                await _module!.InvokeVoidAsync("setXml", _disposed.Token, _designer, _document.Xml);
                (_panel, _dirty, _message) = (null, false, null);
                StateHasChanged();
            }

            await MarkAsync();
        }
        catch (JSException ex)
        {
            Show(T["LoadFailed", ex.Message], error: true);
            StateHasChanged();
        }
    }

    /// <summary>Called by the modeler when the selection changes (null: nothing or several selected).</summary>
    [JSInvokable]
    public Task OnSelectionChanged(SelectedElement? element) => InvokeAsync(() =>
    {
        _panel = element is null ? null : new PropertyPanelModel(element);
        StateHasChanged();
    });

    /// <summary>Called by the modeler after every edit.</summary>
    [JSInvokable]
    public Task OnDiagramChanged() => InvokeAsync(() =>
    {
        if (!_dirty)
        {
            _dirty = true;
            StateHasChanged();
        }
    });

    private async Task ApplyAsync(ElementUpdate update)
    {
        if (_designer is not null && _module is not null)
        {
            await _module.InvokeAsync<bool>("apply", _disposed.Token, _designer, update);
        }
    }

    private Task ValidateAsync() => RunAsync(async xml =>
    {
        _diagnostics = Designer.Validate(xml);
        await MarkAsync();
        Show(_diagnostics.Any(d => d.IsError) ? T["HasErrors", _diagnostics.Count(d => d.IsError)] : T["Valid"], error: _diagnostics.Any(d => d.IsError));
    });

    private Task SaveDraftAsync() => RunAsync(async xml =>
    {
        await SaveAsync(xml);
        Show(T["DraftSavedMessage"], error: false);
    });

    private Task PublishAsync() => RunAsync(async xml =>
    {
        await SaveAsync(xml);
        var outcome = await Designer.PublishAsync(Key, await AdminUser.NameAsync(Authentication), _disposed.Token);
        switch (outcome.Outcome)
        {
            case PublishResultKind.Created:
                _document = _document! with { IsDraft = false, Version = outcome.Version };
                Show(T["PublishedAs", outcome.Version!.Value], error: false);
                break;
            case PublishResultKind.Unchanged:
                _document = _document! with { IsDraft = false, Version = outcome.Version };
                Show(T["PublishUnchanged", outcome.Version!.Value], error: false);
                break;
            default:
                _diagnostics = outcome.Diagnostics;
                await MarkAsync();
                Show(T["PublishRefused", outcome.Diagnostics.Count(d => d.IsError)], error: true);
                break;
        }
    });

    private async Task SaveAsync(string xml)
    {
        var saved = await Designer.SaveDraftAsync(Key, xml, await AdminUser.NameAsync(Authentication), _disposed.Token);
        _document = new DesignerDocument(Key, xml, IsDraft: true, Version: null);
        _diagnostics = saved.Diagnostics;
        _dirty = false;
        await MarkAsync();
    }

    private Task ExportAsync() => RunAsync(xml => _module!.InvokeVoidAsync("download", _disposed.Token, $"{Key}.bpmn", xml).AsTask());

    private async Task ImportAsync(InputFileChangeEventArgs e)
    {
        if (_designer is null || _module is null)
        {
            return;
        }

        string xml;
        try
        {
            await using var stream = e.File.OpenReadStream(MaxImportBytes, _disposed.Token);
            using var reader = new StreamReader(stream);
            xml = await reader.ReadToEndAsync(_disposed.Token);
        }
        catch (IOException)
        {
            Show(T["ImportTooLarge", MaxImportBytes / (1024 * 1024)], error: true);
            return;
        }

        _diagnostics = Designer.Validate(xml);
        if (_diagnostics.Any(d => d.Code == "BPMN001"))
        {
            // Not XML at all: bpmn-js could not show it either; keep the diagram that is open.
            Show(T["ImportUnreadable", e.File.Name], error: true);
            return;
        }

        try
        {
            await _module.InvokeVoidAsync("setXml", _disposed.Token, _designer, xml);
            _dirty = true;
            _panel = null;
            await MarkAsync();
            Show(T["Imported", e.File.Name], error: false);
        }
        catch (JSException ex)
        {
            Show(T["LoadFailed", ex.Message], error: true);
        }
    }

    private async Task DiscardAsync()
    {
        await Designer.DiscardDraftAsync(Key, _disposed.Token);
        _document = await Designer.OpenAsync(Key, _disposed.Token) ?? new DesignerDocument(Key, NewDefinition.Template(Key, Key), false, null);
        _diagnostics = Designer.Validate(_document.Xml);
        _dirty = false;
        _panel = null;
        if (_module is not null && _designer is not null)
        {
            await _module.InvokeVoidAsync("setXml", _disposed.Token, _designer, _document.Xml);
            await MarkAsync();
        }

        Show(T["DraftDiscarded"], error: false);
    }

    private async Task SelectAsync(string elementId)
    {
        if (_module is not null && _designer is not null)
        {
            await _module.InvokeVoidAsync("select", _disposed.Token, _designer, elementId);
        }
    }

    /// <summary>Takes the modeler's XML and runs <paramref name="work"/> with it, one action at a time.</summary>
    private async Task RunAsync(Func<string, Task> work)
    {
        if (_designer is null || _module is null || _busy)
        {
            return;
        }

        _busy = true;
        try
        {
            var xml = await _module.InvokeAsync<string>("getXml", _disposed.Token, _designer);
            await work(xml);
        }
        catch (JSException ex)
        {
            Show(T["LoadFailed", ex.Message], error: true);
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task MarkAsync()
    {
        if (_module is null || _designer is null)
        {
            return;
        }

        var marks = _diagnostics.Select(d => new { code = d.Code, severity = d.Severity.ToString().ToLowerInvariant(), message = d.Message, elementId = d.ElementId });
        await _module.InvokeVoidAsync("mark", _disposed.Token, _designer, marks);
    }

    private string? StatusText() => _document switch
    {
        null => null,
        { IsDraft: true } => T["EditingDraft"].Value,
        { Version: { } version } => T["EditingVersion", version].Value,
        _ => T["EditingNew"].Value,
    };

    private void Show(string message, bool error)
    {
        _message = message;
        _messageIsError = error;
    }

    public async ValueTask DisposeAsync()
    {
        await _disposed.CancelAsync();
        try
        {
            if (_designer is not null && _module is not null)
            {
                await _module.InvokeVoidAsync("dispose", CancellationToken.None, _designer);
                await _designer.DisposeAsync();
            }

            if (_module is not null)
            {
                await _module.DisposeAsync();
            }
        }
        catch (JSDisconnectedException)
        {
            // The browser is gone, and with it the modeler.
        }

        _self?.Dispose();
        _disposed.Dispose();
    }
}
