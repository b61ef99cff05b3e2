using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Admin.Blazor.Components.Forms;
using ApprovalHub.Admin.Blazor.Tests.Support;
using Bunit;
using Microsoft.AspNetCore.Components;

namespace ApprovalHub.Admin.Blazor.Tests.Forms;

/// <summary>Renders a <see cref="FormRenderer"/> and keeps what it reports: the data after each change and the submitted data.</summary>
public abstract class FormRendererTestBase : AdminTestBase
{
    /// <summary>The data the form reported after its last change.</summary>
    protected JsonObject? Changed { get; private set; }

    /// <summary>The data of the last valid submission.</summary>
    protected JsonObject? Submitted { get; private set; }

    protected IRenderedComponent<FormRenderer> RenderForm(
        string schema,
        string? value = null,
        bool readOnly = false,
        IReadOnlyDictionary<string, string[]>? serverErrors = null) =>
        Render<FormRenderer>(p => p
            .Add(f => f.Schema, schema)
            .Add(f => f.Value, value is null ? null : (JsonObject)JsonNode.Parse(value)!)
            .Add(f => f.ReadOnly, readOnly)
            .Add(f => f.ServerErrors, serverErrors)
            .Add(f => f.ValueChanged, data => Changed = data)
            .Add(f => f.OnValidSubmit, data => Submitted = data)
            .Add(f => f.Actions, (RenderFragment)(b =>
            {
                b.OpenElement(0, "button");
                b.AddAttribute(1, "type", "submit");
                b.AddAttribute(2, "id", "submit");
                b.AddContent(3, "提交");
                b.CloseElement();
            })));

    /// <summary>The id the renderer gave the input at <paramref name="path"/>.</summary>
    protected static string IdOf(IRenderedComponent<FormRenderer> form, string path) =>
        FormIds.For(form.Find("form").Id!, path);

    /// <summary>The error texts shown for the field whose input id is <paramref name="id"/>.</summary>
    protected static IReadOnlyList<string> ErrorsOf(IRenderedComponent<FormRenderer> form, string id) =>
        [.. form.Find($"#{id}-errors").QuerySelectorAll(".ant-form-item-explain-error").Select(e => e.TextContent.Trim())];

    /// <summary>Types into a text input as a browser does: input events, then change when the field is left.</summary>
    protected static void Type(IRenderedComponent<FormRenderer> form, string id, string text)
    {
        form.Find($"#{id}").Input(text);
        form.Find($"#{id}").Change(text);
    }

    /// <summary>Compact JSON of a node, for comparing shapes; Chinese stays readable.</summary>
    protected static string Json(JsonNode? node) => node?.ToJsonString(Readable) ?? "null";

    private static readonly JsonSerializerOptions Readable = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
