using Microsoft.AspNetCore.Components;

namespace ApprovalHub.Admin.Blazor.Components.Account;

/// <summary>The sign-in page (登录), rendered on the server without interactivity.</summary>
public partial class LoginPage
{
    /// <summary>Where to go after signing in; only a local path is honoured (the host checks again).</summary>
    [SupplyParameterFromQuery(Name = "ReturnUrl")]
    public string? ReturnUrl { get; set; }

    /// <summary>Set by the host after a failed attempt.</summary>
    [SupplyParameterFromQuery(Name = "failed")]
    public bool Failed { get; set; }

    private string FormAction => LocalUrl.IsLocal(ReturnUrl) ? $"account/login?ReturnUrl={Uri.EscapeDataString(ReturnUrl!)}" : "account/login";
}
