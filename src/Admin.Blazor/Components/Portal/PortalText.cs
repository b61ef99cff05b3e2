namespace ApprovalHub.Admin.Blazor.Components.Portal;

/// <summary>Strings of the enterprise portal: <c>IStringLocalizer&lt;PortalText&gt;</c>.</summary>
public sealed class PortalText;
