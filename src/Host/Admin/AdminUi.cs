using ApprovalHub.Admin.Blazor.Components;
using ApprovalHub.Admin.Blazor.Components.Definitions;
using AntDesign;

namespace ApprovalHub.Host.Admin;

internal static class AdminUi
{
    /// <summary>The Blazor admin (interactive server rendering) with Ant Design in zh-CN.</summary>
    public static IHostApplicationBuilder AddAdminUi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();

        // Pages see the signed-in user (AuthorizeView); the cookie is the UI's sign-in.
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAntDesign();

        // The UI speaks zh-CN by default (docs/architecture.md); en-US comes with a language switch.
        LocaleProvider.SetLocale("zh-CN");

        builder.Services.AddSingleton<IDefinitionCatalog, DefinitionCatalog>();
        return builder;
    }

    /// <summary>Maps the admin pages (signed-in users only, apart from the sign-in page) and the static assets they need.</summary>
    public static WebApplication MapAdminUi(this WebApplication app)
    {
        app.UseAntiforgery();

        // Scripts, styles and icons carry no data; the sign-in page needs them before anyone signs in.
        app.MapStaticAssets().AllowAnonymous();

        // Pages and the Blazor circuit fall under the fallback policy: signed-in users only. The
        // sign-in page opts out with [AllowAnonymous]; anyone else is sent there by the cookie scheme.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
