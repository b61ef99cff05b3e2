using System.Net;
using System.Security.Claims;
using System.Text;
using ApprovalHub.Admin.Blazor.Components.Forms;
using ApprovalHub.Host.Portal.Attachments;
using ApprovalHub.Host.Tests.Cases;
using ApprovalHub.Host.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;

namespace ApprovalHub.Host.Tests.Portal;

/// <summary>
/// Files behind form file fields: uploaded in the Blazor circuit as the signed-in user, read back
/// by the uploader, their organisation and the officials whose region covers it; everyone else
/// gets 404. Both stores (the uploader's region comes from the registry).
/// </summary>
public abstract class AttachmentTests<TDatabase>(TDatabase database)
    where TDatabase : TestDatabase
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static readonly ClaimsPrincipal Enterprise = TestPrincipals.User("demo.enterprise", "enterprise", CaseWorld.UserUnit, "330106");

    [Fact]
    public async Task A_file_uploaded_by_an_enterprise_is_read_by_it_and_the_regulators_over_it_and_by_nobody_else()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        var uploaded = await UploadAsync(Enterprise, "合格证.pdf", "application/pdf", "%PDF-1.7 portal");

        Assert.Matches("^[0-9a-f]{32}$", uploaded.Id);
        Assert.Equal($"/api/attachments/{uploaded.Id}", uploaded.DownloadUrl);
        using var owner = database.Factory.CreateClientFor("demo.enterprise");
        var response = await owner.GetAsync(uploaded.DownloadUrl, Cancellation);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("合格证.pdf", response.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("%PDF-1.7 portal", await response.Content.ReadAsStringAsync(Cancellation));

        // 西湖区 lies under the county, the city and the province; 上城区 and another enterprise see nothing.
        foreach (var (user, expected) in new[]
                 {
                     ("demo.county", HttpStatusCode.OK), ("demo.city", HttpStatusCode.OK), ("demo.admin", HttpStatusCode.OK),
                     ("demo.county.shangcheng", HttpStatusCode.NotFound), ("demo.producer", HttpStatusCode.NotFound),
                 })
        {
            using var client = database.Factory.CreateClientFor(user);
            Assert.True(expected == (await client.GetAsync(uploaded.DownloadUrl, Cancellation)).StatusCode, $"{user} should get {expected}");
        }

        using var other = CaseWorld.ClientFor(database.Factory, CaseWorld.OtherEnterprise);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(uploaded.DownloadUrl, Cancellation)).StatusCode);
        using var anonymous = database.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(uploaded.DownloadUrl, Cancellation)).StatusCode);
    }

    [Fact]
    public async Task A_file_the_browser_could_run_is_only_ever_offered_as_a_download()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        var uploaded = await UploadAsync(Enterprise, "report.html", "text/html", "<script>alert(1)</script>");
        using var owner = database.Factory.CreateClientFor("demo.enterprise");

        var response = await owner.GetAsync(uploaded.DownloadUrl, Cancellation);

        Assert.Equal("application/octet-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Describe_names_only_the_files_the_user_may_read()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        var mine = await UploadAsync(Enterprise, "使用登记表.pdf", "application/pdf", "a");
        var theirs = await UploadAsync(TestPrincipals.User(CaseWorld.OtherEnterprise, "enterprise", CaseWorld.OtherUnit, "330102"), "别人的.pdf", "application/pdf", "b");

        var described = await StoreFor(Enterprise).DescribeAsync([mine.Id, theirs.Id, "../../etc/passwd", "0123456789abcdef0123456789abcdef"], Cancellation);

        Assert.Equal([("使用登记表.pdf", 1L)], described.Select(f => (f.FileName, f.Size)));
    }

    [Fact]
    public async Task A_file_beyond_the_size_limit_is_refused_and_nothing_is_kept()
    {
        await CaseWorld.EnsureAsync(database.Factory);
        var before = Files();
        var tooLarge = new MemoryStream(new byte[(20 * 1024 * 1024) + 1]);

        var refused = await Assert.ThrowsAsync<FormFileRejectedException>(() =>
            StoreFor(Enterprise).UploadAsync("大文件.pdf", "application/pdf", tooLarge, Cancellation));

        Assert.Contains("大文件.pdf", refused.Message, StringComparison.Ordinal);
        Assert.Equal(before, Files());
    }

    [Fact]
    public async Task The_public_cannot_upload()
    {
        await Assert.ThrowsAsync<FormFileRejectedException>(() =>
            StoreFor(TestPrincipals.Anonymous).UploadAsync("x.pdf", "application/pdf", new MemoryStream([1]), Cancellation));
    }

    [Fact]
    public async Task Unknown_and_malformed_ids_are_not_found()
    {
        using var owner = database.Factory.CreateClientFor("demo.enterprise");

        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/attachments/0123456789abcdef0123456789abcdef", Cancellation)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await owner.GetAsync("/api/attachments/..%2F..%2Fappsettings.json", Cancellation)).StatusCode);
    }

    private Task<FormFileReference> UploadAsync(ClaimsPrincipal user, string name, string type, string content) =>
        StoreFor(user).UploadAsync(name, type, new MemoryStream(Encoding.UTF8.GetBytes(content)), Cancellation);

    private PortalFormFileStore StoreFor(ClaimsPrincipal user)
    {
        var services = database.Factory.Services;
        return new PortalFormFileStore(
            new SignedIn(user),
            services.GetRequiredService<AttachmentStore>(),
            services.GetRequiredService<IServiceScopeFactory>(),
            services.GetRequiredService<IStringLocalizer<FormsText>>(),
            NullLogger<PortalFormFileStore>.Instance);
    }

    private int Files() => Directory.Exists(database.AttachmentsFolder)
        ? Directory.EnumerateFiles(database.AttachmentsFolder, "*", SearchOption.AllDirectories).Count()
        : 0;

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }
}

public sealed class SqliteAttachmentTests(SqliteDatabase database)
    : AttachmentTests<SqliteDatabase>(database), IClassFixture<SqliteDatabase>;

public sealed class PostgresAttachmentTests(PostgresDatabase database)
    : AttachmentTests<PostgresDatabase>(database), IClassFixture<PostgresDatabase>;
