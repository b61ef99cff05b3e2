namespace ApprovalHub.Admin.Blazor.Components.Public;

/// <summary>Strings of the public QR pages: <c>IStringLocalizer&lt;PublicText&gt;</c>.</summary>
public sealed class PublicText;
