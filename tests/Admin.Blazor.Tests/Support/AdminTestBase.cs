using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Support;

/// <summary>
/// A fresh bUnit context per test with what Ant Design components need. Their JavaScript calls
/// (measuring, focusing) have no browser here, so JS interop is loose: calls succeed and return defaults.
/// </summary>
public abstract class AdminTestBase : BunitContext
{
    protected AdminTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddAntDesign();
    }
}
