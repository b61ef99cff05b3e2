using ApprovalHub.Admin.Blazor.Components;
using ApprovalHub.Admin.Blazor.Components.Admin;
using ApprovalHub.Admin.Blazor.Components.Definitions;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using ApprovalHub.Admin.Blazor.Components.Account;
using ApprovalHub.Admin.Blazor.Localization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ApprovalHub.Host.Demo;

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

        // The UI speaks zh-CN by default (docs/architecture.md); en-US is one click away. Strings live in
        // each feature's .resx pair (neutral = zh-CN). AntDesign's own texts follow CurrentUICulture,
        // so LocaleProvider.SetLocale, which would pin one language for every user, is not called.
        builder.Services.AddLocalization();
        // Server-rendered text would otherwise reach the browser as &#x...; entities for every Chinese
        // character: readable for the browser, not for tests, search or anyone reading the source.
        builder.Services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedCultures.Names.Select(CultureInfo.GetCultureInfo).ToList();
            options.DefaultRequestCulture = new RequestCulture(SupportedCultures.Chinese);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Only the user's explicit choice counts: a Chinese product stays Chinese for a browser that
            // happens to be set to English.
            options.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });

        builder.Services.AddSingleton<IDefinitionCatalog, DefinitionCatalog>();
        builder.Services.AddSingleton<IDesignerService, DesignerService>();
        builder.Services.AddSingleton<IInstanceAdmin, InstanceAdmin>();
        builder.Services.TryAddSingleton<DefinitionsFolder>();
        builder.Services.AddSingleton<IFormLibrary, FormLibrary>();
        return builder;
    }

    /// <summary>Maps the admin pages (signed-in users only, apart from the sign-in page) and the static assets they need.</summary>
    public static WebApplication MapAdminUi(this WebApplication app)
    {
        app.UseRequestLocalization();
        app.UseAntiforgery();

        // The language switch: remembers the choice for a year and goes back to a local page.
        app.MapGet("/culture", (string? name, string? returnUrl, HttpContext http) =>
        {
            var culture = SupportedCultures.Resolve(name);
            http.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalUrl.IsLocal(returnUrl) ? returnUrl! : "/");
        }).AllowAnonymous().ExcludeFromDescription();

        // Scripts, styles and icons carry no data; the sign-in page needs them before anyone signs in.
        app.MapStaticAssets().AllowAnonymous();

        // Pages and the Blazor circuit fall under the fallback policy: signed-in users only. The
        // sign-in page opts out with [AllowAnonymous]; anyone else is sent there by the cookie scheme.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }
}
