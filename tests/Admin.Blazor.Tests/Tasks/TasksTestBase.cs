using System.Security.Claims;
using ApprovalHub.Admin.Blazor.Tests.Support;
using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Admin.Blazor.Tests.Tasks;

/// <summary>An officials' page with the real unit catalog, the case layer in memory, and the demo county official signed in.</summary>
public abstract class TasksTestBase : AdminTestBase
{
    protected TasksTestBase()
    {
        Services.AddSingleton<IUnitCatalog>(UnitCatalog.Shipped());
        Services.AddSingleton<ITaskQueue>(Layer);
        Services.AddSingleton<ITaskActions>(Layer);
        Services.AddSingleton<ICaseViews>(Layer);
        Authorization = AddAuthorization();
        SignIn("demo.county", "regulator");
    }

    internal FakeTaskLayer Layer { get; } = new();

    protected BunitAuthorizationContext Authorization { get; }

    /// <summary>Signs <paramref name="userName"/> in with <paramref name="roles"/>.</summary>
    protected void SignIn(string userName, params string[] roles)
    {
        Authorization.SetAuthorized(userName);
        Authorization.SetRoles(roles);
        Authorization.SetClaims(new Claim("name", userName));
    }
}
