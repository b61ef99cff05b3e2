using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Host.Tests.Security.Matrix;

/// <summary>
/// What matrix rows need to build requests: a client per caller, and data prepared as the
/// administrator or analyst (a user to act on, a draft, an API key), so that a denied call is
/// denied for its rights, never because the target happened to be missing.
/// </summary>
public sealed class MatrixContext(ApprovalHubFactory factory)
{
    private readonly ConcurrentDictionary<string, HttpClient> _clients = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _userIds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _targets = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Guid> _cases = new(StringComparer.Ordinal);
    private string? _attachment;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public HttpClient Admin => ClientFor(MatrixCaller.Admin);

    public HttpClient Analyst => ClientFor(MatrixCaller.Analyst);

    /// <summary>The client of <paramref name="caller"/>; anonymous callers send no credentials.</summary>
    public HttpClient ClientFor(MatrixCaller caller) => _clients.GetOrAdd(caller.Label, _ => caller.UserName is null
        ? factory.CreateDefaultClient()
        : factory.CreateClientFor(caller.UserName));

    /// <summary>The id of an existing account, looked up as the administrator.</summary>
    public async Task<string> UserIdAsync(string userName)
    {
        if (_userIds.TryGetValue(userName, out var known))
        {
            return known;
        }

        var users = await Admin.GetFromJsonAsync<JsonArray>("/api/users?pageSize=200", Cancellation);
        foreach (var user in users!)
        {
            _userIds[(string)user!["userName"]!] = (string)user["id"]!;
        }

        return _userIds.TryGetValue(userName, out var id) ? id : throw new InvalidOperationException($"No user {userName}.");
    }

    /// <summary>A new county regulator in 西湖区, created by the administrator.</summary>
    public async Task<string> NewUserAsync()
    {
        var response = await Admin.PostAsJsonAsync("/api/users", NewUserBody(), Cancellation);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["id"]!;
    }

    /// <summary>
    /// A user to act on, one per <paramref name="purpose"/> (row), shared by that row's callers:
    /// denied callers cannot change it, and the one allowed caller, the administrator, comes last.
    /// </summary>
    public async Task<string> TargetUserAsync(string purpose)
    {
        if (!_targets.TryGetValue(purpose, out var id))
        {
            id = await NewUserAsync();
            _targets[purpose] = id;
        }

        return id;
    }

    /// <summary>The body of a valid <c>POST /api/users</c>, with a name not used before.</summary>
    public static object NewUserBody() => new
    {
        userName = $"matrix.{Guid.NewGuid():N}",
        displayName = "矩阵测试用户",
        password = "Matrix-Test-2026",
        roles = new[] { "regulator" },
        regionCode = "330106",
    };

    /// <summary>A saved, publishable draft under a new key.</summary>
    public async Task<string> NewDraftAsync()
    {
        var key = TestBpmn.NewKey("matrix");
        var response = await Analyst.PutAsync($"/api/definitions/{key}/draft", TestBpmn.Content(TestBpmn.Process(key)), Cancellation);
        response.EnsureSuccessStatusCode();
        return key;
    }

    /// <summary>
    /// The open 审查决定 task (regulator.county) of a 延期检验申请 (unit 09) the demo enterprise filed
    /// in its county, 西湖区 (330106); one case per <paramref name="purpose"/> (row).
    /// </summary>
    public async Task<Guid> CountyTaskAsync(string purpose)
    {
        if (!_cases.TryGetValue(purpose, out var taskId))
        {
            var response = await ClientFor(MatrixCaller.Enterprise).PostAsJsonAsync("/api/units/09/applications", new { data = Cases.CaseApi.Form("09", null) }, Cancellation);
            response.EnsureSuccessStatusCode();
            taskId = (Guid)(await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["openedTasks"]![0]!["taskId"]!;
            _cases[purpose] = taskId;
        }

        return taskId;
    }

    /// <summary>The download address of a file the demo enterprise uploaded for its organisation (西湖区 street 330106001).</summary>
    public async Task<string> EnterpriseAttachmentAsync()
    {
        if (_attachment is null)
        {
            var stored = await factory.Services.GetRequiredService<ApprovalHub.Host.Portal.Attachments.AttachmentStore>().SaveAsync(
                "使用登记表.pdf", "application/pdf", new MemoryStream("%PDF-1.7"u8.ToArray()), "demo.enterprise", 2001, "330106001000", Cancellation);
            _attachment = ApprovalHub.Host.Portal.Attachments.AttachmentsApi.DownloadUrl(stored.Id);
        }

        return _attachment;
    }

    /// <summary>A new API key of <paramref name="userId"/>.</summary>
    public async Task<string> NewApiKeyAsync(string userId)
    {
        var response = await Admin.PostAsJsonAsync($"/api/users/{userId}/api-keys", new { name = "matrix" }, Cancellation);
        response.EnsureSuccessStatusCode();
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!["id"]!;
    }
}
