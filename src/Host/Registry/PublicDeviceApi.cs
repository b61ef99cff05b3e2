using ApprovalHub.Host.Portal;
using ApprovalHub.Supervision.Traceability;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ApprovalHub.Host.Registry;

/// <summary>
/// The public side of 一码追溯: <c>/q/{code}</c>, the URL every device's QR code encodes. A phone
/// gets the Blazor page (Admin.Blazor, Components/Public, rendered without a circuit); a client
/// asking for JSON (Accept: application/json) gets <see cref="PublicDeviceFacts"/> from here,
/// chosen at routing by <see cref="JsonAlternateMatcherPolicy"/>. Only public facts, never personal
/// data, and rate-limited per client address.
/// </summary>
internal static class PublicDeviceApi
{
    public const string RateLimitPolicy = "public-qr";

    public static IEndpointRouteBuilder MapPublicDeviceApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/q/{code}", FactsAsync).WithName("PublicDevicePage").WithTags("Public")
            .WithSummary("Public facts of a device (the QR code's URL) as JSON, when the Accept header asks for application/json; otherwise the page")
            .WithMetadata(new JsonAlternateMetadata())
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy);
        app.MapGet("/api/public/devices/{code}", FactsAsync).WithName("PublicDeviceFacts").WithTags("Public")
            .WithSummary("Public facts of a device as JSON")
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicy);
        return app;
    }

    private static async Task<Results<Ok<PublicDeviceFacts>, NotFound>> FactsAsync(string code, IMediator mediator, CancellationToken cancellationToken) =>
        await mediator.Send(new GetPublicDeviceFacts(code), cancellationToken) is { } facts ? TypedResults.Ok(facts) : TypedResults.NotFound();
}
