using System.Globalization;
using ApprovalHub.Admin.Blazor.Localization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Support;

/// <summary>
/// A fresh bUnit context per test with what Ant Design components need. Their JavaScript calls
/// (measuring, focusing) have no browser here, so JS interop is loose: calls succeed and return defaults.
/// Components render in the culture of the test thread; <see cref="UseCulture"/> switches it.
/// </summary>
public abstract class AdminTestBase : BunitContext
{
    protected AdminTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddAntDesign();
        Services.AddLocalization();
        UseCulture(SupportedCultures.Chinese);
    }

    /// <summary>Renders what follows in a UI culture, as the host's request localization would.</summary>
    protected static void UseCulture(string name)
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);
    }
}
