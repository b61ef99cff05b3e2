namespace ApprovalHub.Admin.Blazor.Components.Account;

/// <summary>Strings of the sign-in page: <c>IStringLocalizer&lt;AccountText&gt;</c>.</summary>
public sealed class AccountText;
