namespace ApprovalHub.Admin.Blazor.Components.Admin;

/// <summary>Strings of the analysts' pages (/admin): <c>IStringLocalizer&lt;AdminText&gt;</c>.</summary>
public sealed class AdminText;
