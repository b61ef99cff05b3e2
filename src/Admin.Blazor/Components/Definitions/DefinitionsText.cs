namespace ApprovalHub.Admin.Blazor.Components.Definitions;

/// <summary>Strings of the definitions list: <c>IStringLocalizer&lt;DefinitionsText&gt;</c>.</summary>
public sealed class DefinitionsText;
