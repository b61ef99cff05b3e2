namespace ApprovalHub.Admin.Blazor.Components.Diagrams;

/// <summary>Strings of the diagram components: <c>IStringLocalizer&lt;DiagramText&gt;</c>.</summary>
public sealed class DiagramText;
