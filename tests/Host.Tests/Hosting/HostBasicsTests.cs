using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ApprovalHub.Host.Definitions;
using ApprovalHub.Host.Tests.Support;

namespace ApprovalHub.Host.Tests.Hosting;

/// <summary>What every request meets regardless of the database: health, OpenAPI, errors, validation, UI.</summary>
public sealed class HostBasicsTests(SqliteDatabase database) : IClassFixture<SqliteDatabase>
{
    // Anonymous: health, the API documentation and the UI shell need no sign-in.
    private readonly HttpClient _client = database.Factory.CreateClient(new() { AllowAutoRedirect = false });

    // The API itself answers only signed-in callers.
    private readonly HttpClient _analyst = database.Factory.CreateClientFor(SignedInClients.Analyst);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Liveness_is_healthy()
    {
        var response = await _client.GetAsync("/health/live", Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Cancellation));
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_apis_and_how_to_sign_in()
    {
        var document = await _client.GetFromJsonAsync<JsonObject>("/openapi/v1.json", Cancellation);

        var paths = document!["paths"]!.AsObject();
        Assert.Contains("/api/definitions", paths.Select(p => p.Key));
        Assert.Contains("/api/definitions/validate", paths.Select(p => p.Key));
        Assert.Equal("DeployDefinition", (string?)paths["/api/definitions"]!["post"]!["operationId"]);
        Assert.Contains("/api/auth/token", paths.Select(p => p.Key));
        var schemes = document["components"]!["securitySchemes"]!.AsObject();
        Assert.Equal("bearer", (string?)schemes["Bearer"]!["scheme"]);
        Assert.Equal("X-Api-Key", (string?)schemes["ApiKey"]!["name"]);
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_problem_details_404()
    {
        var response = await _analyst.GetAsync("/api/no-such-thing", Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_wrong_method_is_a_problem_details_405()
    {
        var response = await _analyst.DeleteAsync("/api/definitions", Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Validating_a_broken_file_lists_its_diagnostics_with_positions()
    {
        var response = await _analyst.PostAsync("/api/definitions/validate", TestBpmn.Content(TestBpmn.Malformed, "text/xml"), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync<ValidationResponse>(Cancellation);
        Assert.False(result.Valid);
        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == "BPMN001");
        Assert.True(diagnostic.Line > 0 && diagnostic.Column > 0, $"expected a position, got {diagnostic.Line}:{diagnostic.Column}");
    }

    [Theory]
    [InlineData("bpmn/unit-11-use-registration.bpmn")]
    [InlineData("bpmn/unit-06-periodic-inspection.bpmn")]
    [InlineData("bpmn/step-2-inspection.bpmn")]
    public async Task Validating_a_good_file_says_it_is_valid(string definition)
    {
        var xml = await File.ReadAllTextAsync(RepositoryFiles.Path("definitions", definition), Cancellation);

        var response = await _analyst.PostAsync("/api/definitions/validate", TestBpmn.Content(xml), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.ReadAsync<ValidationResponse>(Cancellation);
        Assert.True(result.Valid, string.Join("; ", result.Diagnostics.Select(d => $"{d.Code} {d.Message}")));
    }

    [Fact]
    public async Task A_body_that_is_not_xml_is_refused()
    {
        var response = await _analyst.PostAsync("/api/definitions/validate", JsonContent.Create(new { xml = "<x/>" }), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task An_upload_over_10_MB_is_refused()
    {
        var huge = TestBpmn.Process("huge") + new string(' ', (int)ProcessDefinitionsApi.MaxXmlBytes);

        var response = await _analyst.PostAsync("/api/definitions", TestBpmn.Content(huge), Cancellation);

        await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Anonymous_visitors_of_the_admin_are_sent_to_the_sign_in_page()
    {
        var response = await _client.GetAsync("/definitions", Cancellation);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.EndsWith("/login?ReturnUrl=%2Fdefinitions", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }

    private static async Task AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation);
        Assert.Equal((int)expected, (int?)problem!["status"]);
        Assert.False(string.IsNullOrEmpty((string?)problem["title"]));
    }
}
