using System.Net;
using System.Net.Http.Json;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Security.Matrix;

/// <summary>
/// Every action of every resource family the host has, with the rights of every caller. A new
/// endpoint adds its rows here; registry, task and instance rows join when those endpoints land.
/// </summary>
public static class MatrixRows
{
    private static readonly string[] Authors = ["analyst", "admin"];

    public static IReadOnlyList<MatrixRow> All { get; } =
    [
        // Definitions: every signed-in role reads; analysts and administrators author.
        new("definitions", "list", HttpStatusCode.OK, (_, _) => Get("/api/definitions"), SignedIn),
        new("definitions", "versions", HttpStatusCode.OK, (_, _) => Get("/api/definitions/unit_11_use_registration/versions"), SignedIn),
        new("definitions", "xml", HttpStatusCode.OK, (_, _) => Get("/api/definitions/unit_11_use_registration/versions/1/xml"), SignedIn),
        new("definitions", "validate", HttpStatusCode.OK,
            (_, _) => Xml(HttpMethod.Post, "/api/definitions/validate", TestBpmn.Process("matrix_validate")), OnlyRoles(Authors)),
        new("definitions", "deploy", HttpStatusCode.Created, (_, _) => Deploy(), OnlyRoles(Authors)),

        // Drafts: analysts and administrators only, reads included.
        new("drafts", "save", HttpStatusCode.OK, (_, _) => SaveDraft(), OnlyRoles(Authors)),
        new("drafts", "read", HttpStatusCode.OK, async (c, _) => await Get($"/api/definitions/{await c.NewDraftAsync()}/draft"), OnlyRoles(Authors)),
        new("drafts", "publish", HttpStatusCode.Created,
            async (c, _) => new HttpRequestMessage(HttpMethod.Post, $"/api/definitions/{await c.NewDraftAsync()}/draft/publish"), OnlyRoles(Authors)),
        new("drafts", "delete", HttpStatusCode.NoContent,
            async (c, _) => new HttpRequestMessage(HttpMethod.Delete, $"/api/definitions/{await c.NewDraftAsync()}/draft"), OnlyRoles(Authors)),

        // Users: administrators manage; regulators read the accounts under their region.
        new("users", "list", HttpStatusCode.OK, (_, _) => Get("/api/users"), OnlyRoles("admin", "regulator")),
        new("users", "read county regulator (330106)", HttpStatusCode.OK,
            async (c, _) => await Get($"/api/users/{await c.UserIdAsync("demo.county")}"),
            RegulatorsWithin("national", "province", "city", "county")),
        new("users", "read enterprise in 330106", HttpStatusCode.OK,
            async (c, _) => await Get($"/api/users/{await c.UserIdAsync("demo.enterprise")}"),
            RegulatorsWithin("national", "province", "city", "county")),
        new("users", "read street regulator (330106001)", HttpStatusCode.OK,
            async (c, _) => await Get($"/api/users/{await c.UserIdAsync("demo.street")}"),
            RegulatorsWithin("national", "province", "city", "county", "street")),
        new("users", "read other county regulator (330102)", HttpStatusCode.OK,
            async (c, _) => await Get($"/api/users/{await c.UserIdAsync("demo.county.shangcheng")}"),
            RegulatorsWithin("national", "province", "city", "other-county")),
        new("users", "read administrator (no region)", HttpStatusCode.OK,
            async (c, _) => await Get($"/api/users/{await c.UserIdAsync("demo.admin")}"),
            RegulatorsWithin("national")),
        // Nobody finds an id that does not exist (the "allowed" answer is 404); roles that may not read accounts are refused first.
        new("users", "read unknown id", HttpStatusCode.NotFound, (_, _) => Get($"/api/users/{Guid.NewGuid()}"), OnlyRoles("admin", "regulator")),
        new("users", "create", HttpStatusCode.Created, (_, _) => Json(HttpMethod.Post, "/api/users", MatrixContext.NewUserBody()), OnlyRoles("admin")),
        new("users", "change access", HttpStatusCode.OK,
            async (c, _) => await Json(HttpMethod.Put, $"/api/users/{await c.TargetUserAsync("access")}/access",
                new { roles = new[] { "regulator" }, regionCode = "330100" }),
            OnlyRoles("admin")),
        new("users", "lock", HttpStatusCode.OK,
            async (c, _) => await Json(HttpMethod.Post, $"/api/users/{await c.TargetUserAsync("lock")}/lock", new { }), OnlyRoles("admin")),
        new("users", "unlock", HttpStatusCode.OK,
            async (c, _) => new HttpRequestMessage(HttpMethod.Post, $"/api/users/{await c.TargetUserAsync("unlock")}/unlock"), OnlyRoles("admin")),
        new("users", "create API key", HttpStatusCode.Created,
            async (c, _) => await Json(HttpMethod.Post, $"/api/users/{await c.TargetUserAsync("keys")}/api-keys", new { name = "数据共享" }),
            OnlyRoles("admin")),
        new("users", "revoke API key", HttpStatusCode.NoContent,
            async (c, _) =>
            {
                var user = await c.TargetUserAsync("revoke");
                return new HttpRequestMessage(HttpMethod.Delete, $"/api/users/{user}/api-keys/{await c.NewApiKeyAsync(user)}");
            },
            OnlyRoles("admin")),

        // The audit trail: administrators only.
        new("audit", "list", HttpStatusCode.OK, (_, _) => Get("/api/audit"), OnlyRoles("admin")),
        new("audit", "verify", HttpStatusCode.OK, (_, _) => Get("/api/audit/verify"), OnlyRoles("admin")),

        // The caller's own session.
        new("auth", "who am I", HttpStatusCode.OK, (_, _) => Get("/api/auth/me"), SignedIn),

        // Cases and work queues (docs/tasks.md): everyone signed in has a queue; a unit's applicant
        // applies; a task is read by the regulators above its region and the organisations of its
        // case, and taken only by its candidate group (regulator.county) in that region.
        new("units", "catalog", HttpStatusCode.OK, (_, _) => Get("/api/units"), SignedIn),
        new("tasks", "my queue", HttpStatusCode.OK, (_, _) => Get("/api/tasks"), SignedIn),
        new("cases", "apply for 09 (enterprise unit)", HttpStatusCode.Created,
            (_, _) => Json(HttpMethod.Post, "/api/units/09/applications", new { data = Cases.CaseApi.Form("09", null) }), OnlyRoles("enterprise")),
        new("tasks", "read a 西湖区 county task", HttpStatusCode.OK, async (c, _) => await Get($"/api/tasks/{await c.CountyTaskAsync("read")}"), SeesXihuCase),
        new("tasks", "claim a 西湖区 county task", HttpStatusCode.OK,
            async (c, _) => new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{await c.CountyTaskAsync("claim")}/claim") { Content = JsonContent.Create(new { }) },
            caller => caller.Label == "county" ? Expectation.Allowed : SeesXihuCase(caller) == Expectation.Allowed ? Expectation.Forbidden : SeesXihuCase(caller)),

        // The cockpit (issue #10): regulators read their own region and below, never beside or above (403).
        new("cockpit", "read own region", HttpStatusCode.OK, (_, _) => Get("/api/cockpit"), OnlyRoles("regulator", "analyst", "admin")),
        new("cockpit", "read 西湖区 (330106)", HttpStatusCode.OK, (_, _) => Get("/api/cockpit?region=330106"),
            RegionWithin("national", "province", "city", "county")),
        new("cockpit", "list overdue devices in 330106", HttpStatusCode.OK, (_, _) => Get("/api/cockpit/devices?region=330106&filter=overdue"),
            RegionWithin("national", "province", "city", "county")),
        new("cockpit", "export 杭州市 (330100)", HttpStatusCode.OK, (_, _) => Get("/api/cockpit/export?region=330100&table=regions"),
            RegionWithin("national", "province", "city")),
        new("cockpit", "recompute", HttpStatusCode.OK, (_, _) => Task.FromResult(new HttpRequestMessage(HttpMethod.Post, "/api/cockpit/recompute")), OnlyRoles(Authors)),

        // Form files (the portal's attachments): an upload of the demo enterprise, seated in 西湖区 street
        // 330106001: the enterprise, the regulators over the street, analysts and administrators read it.
        new("attachments", "download a 西湖区 enterprise's file", HttpStatusCode.OK, async (c, _) => await Get(await c.EnterpriseAttachmentAsync()),
            caller => caller.Label == "street" ? Expectation.Allowed : SeesXihuCase(caller)),
    ];

    // A case the demo enterprise filed in 西湖区 (330106): the regulators whose region contains it,
    // the enterprise itself, analysts and administrators read it; everyone else finds nothing.
    private static Expectation SeesXihuCase(MatrixCaller caller) =>
        caller.UserName is null ? Expectation.Unauthenticated
        : caller.Label is "national" or "province" or "city" or "county" or "enterprise" or "analyst" or "admin" ? Expectation.Allowed
        : Expectation.Hidden;

    // Regions: analysts, administrators and the listed regulators may; other regulators are refused
    // the region (403: regions are not secret, their figures are); other roles may not read figures.
    private static Func<MatrixCaller, Expectation> RegionWithin(params string[] labels) => caller =>
        caller.UserName is null ? Expectation.Unauthenticated
        : caller.Role is "admin" or "analyst" || labels.Contains(caller.Label) ? Expectation.Allowed
        : Expectation.Forbidden;

    private static Expectation SignedIn(MatrixCaller caller) =>
        caller.UserName is null ? Expectation.Unauthenticated : Expectation.Allowed;

    private static Func<MatrixCaller, Expectation> OnlyRoles(params string[] roles) => caller =>
        caller.UserName is null ? Expectation.Unauthenticated
        : roles.Contains(caller.Role) ? Expectation.Allowed
        : Expectation.Forbidden;

    // Administrators see every account; the listed regulators see this one; other regulators get
    // 404 as if it did not exist; other roles may not read accounts at all.
    private static Func<MatrixCaller, Expectation> RegulatorsWithin(params string[] labels) => caller =>
        caller.UserName is null ? Expectation.Unauthenticated
        : caller.Role == "admin" || labels.Contains(caller.Label) ? Expectation.Allowed
        : caller.Role == "regulator" ? Expectation.Hidden
        : Expectation.Forbidden;

    private static Task<HttpRequestMessage> Get(string url) => Task.FromResult(new HttpRequestMessage(HttpMethod.Get, url));

    private static Task<HttpRequestMessage> Json(HttpMethod method, string url, object body) =>
        Task.FromResult(new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) });

    private static Task<HttpRequestMessage> Xml(HttpMethod method, string url, string xml) =>
        Task.FromResult(new HttpRequestMessage(method, url) { Content = TestBpmn.Content(xml) });

    private static Task<HttpRequestMessage> Deploy()
    {
        var key = TestBpmn.NewKey("matrix");
        return Xml(HttpMethod.Post, "/api/definitions", TestBpmn.Process(key));
    }

    private static Task<HttpRequestMessage> SaveDraft()
    {
        var key = TestBpmn.NewKey("matrix");
        return Xml(HttpMethod.Put, $"/api/definitions/{key}/draft", TestBpmn.Process(key));
    }
}
