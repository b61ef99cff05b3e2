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
        // A few Ant Design components dereference what a measuring call returns (Select and the date
        // pickers a bounding rectangle, TextArea its metrics); loose mode would hand them null.
        JSInterop.Setup<AntDesign.JsInterop.DomRect>("AntDesign.interop.domInfoHelper.getBoundingClientRect", _ => true)
            .SetResult(new AntDesign.JsInterop.DomRect());
        JSInterop.Setup<AntDesign.Internal.TextAreaInfo>("AntDesign.interop.inputHelper.getTextAreaInfo", _ => true)
            .SetResult(new AntDesign.Internal.TextAreaInfo());
        JSInterop.Setup<AntDesign.JsInterop.Window>("AntDesign.interop.domInfoHelper.getWindow", _ => true)
            .SetResult(new AntDesign.JsInterop.Window());
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
