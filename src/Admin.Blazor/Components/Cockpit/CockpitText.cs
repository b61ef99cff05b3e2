namespace ApprovalHub.Admin.Blazor.Components.Cockpit;

/// <summary>Strings of the control centre: <c>IStringLocalizer&lt;CockpitText&gt;</c>.</summary>
public sealed class CockpitText;
