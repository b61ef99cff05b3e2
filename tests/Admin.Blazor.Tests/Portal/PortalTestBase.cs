using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Components.Portal;
using ApprovalHub.Admin.Blazor.Tests.Support;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Portal;

/// <summary>
/// A portal page with the real unit catalog, the case layer and registry in memory, a clock on
/// 26 November 2026 (Beijing), and the demo enterprise signed in.
/// </summary>
public abstract class PortalTestBase : AdminTestBase
{
    /// <summary>Noon on 26 November 2026 in Beijing.</summary>
    protected static readonly DateTimeOffset Now = new(2026, 11, 26, 4, 0, 0, TimeSpan.Zero);

    protected PortalTestBase()
    {
        Services.AddSingleton<IUnitCatalog>(UnitCatalog.Shipped());
        Services.AddSingleton<ICaseApplications>(Cases);
        Services.AddSingleton<ICaseViews>(Cases);
        Services.AddSingleton<ITaskQueue>(Cases);
        Services.AddSingleton<ITaskActions>(Cases);
        Services.AddSingleton<IPortalRegistry>(Registry);
        Services.AddSingleton<IPortalNotifications>(Registry);
        Services.AddSingleton<TimeProvider>(new FixedTimeProvider(Now));
        Authorization = AddAuthorization();
        SignIn("demo.enterprise", "enterprise");
    }

    internal FakeCaseLayer Cases { get; } = new();

    internal FakePortalRegistry Registry { get; } = new();

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Signs <paramref name="userName"/> in with <paramref name="roles"/>.</summary>
    protected void SignIn(string userName, params string[] roles)
    {
        Authorization.SetAuthorized(userName);
        Authorization.SetRoles(roles);
        Authorization.SetClaims(new Claim("name", userName));
    }
}
