namespace ApprovalHub.Admin.Blazor.Components.Forms;

/// <summary>Strings of the form renderer and its validation messages: <c>IStringLocalizer&lt;FormsText&gt;</c>.</summary>
public sealed class FormsText;
