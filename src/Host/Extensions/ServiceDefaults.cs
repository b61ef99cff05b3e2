using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Host.Security;
using ApprovalHub.Workflows;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Scalar.AspNetCore;

namespace ApprovalHub.Host.Extensions;

/// <summary>
/// Cross-cutting concerns every ApprovalHub host gets, the way eShop's ServiceDefaults does it:
/// telemetry, health checks, ProblemDetails for every error, and the OpenAPI document.
/// </summary>
public static class ServiceDefaults
{
    /// <summary>The OpenTelemetry setting that switches the OTLP exporter on.</summary>
    public const string OtlpEndpointSetting = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>Registers telemetry, health checks, ProblemDetails and OpenAPI.</summary>
    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureOpenTelemetry();

        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), [HealthTags.Live]);

        // Every error answer is RFC 9457 JSON: exceptions, 404/405 from routing, our own results.
        builder.Services.AddProblemDetails();

        // In Development, minimal APIs throw bad requests (a missing antiforgery token, an unreadable
        // form) instead of answering them; they stay the client's 400, not the server's 500.
        builder.Services.Configure<ExceptionHandlerOptions>(options =>
            options.StatusCodeSelector = exception => exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError);
        builder.Services.AddOpenApi(options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "ApprovalHub API";
            document.Info.Description = "Process definitions of the special-equipment supervision platform (特种设备审批监管平台).";
            return Task.CompletedTask;
        }));
        return builder;
    }

    /// <summary>
    /// Traces and metrics from ASP.NET Core, HttpClient, the runtime and ApprovalHub's own
    /// source and meter. Nothing is exported unless an OTLP endpoint is configured.
    /// </summary>
    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder)
        where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(ApprovalHubTelemetry.Name)
                .AddMeter(Workflows.Runtime.WorkflowTelemetry.Name))
            .WithTracing(tracing => tracing
                .AddSource(ApprovalHubTelemetry.Name)
                .AddSource(Workflows.Runtime.WorkflowTelemetry.Name)
                .AddAspNetCoreInstrumentation(aspNetCore =>
                    // Probes hit health endpoints every few seconds; their spans are noise.
                    aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health", StringComparison.OrdinalIgnoreCase))
                .AddHttpClientInstrumentation());

        // Environment variables are part of configuration, so this also reads OTEL_EXPORTER_OTLP_ENDPOINT.
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointSetting]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>Turns unhandled exceptions and bare error status codes into ProblemDetails.</summary>
    public static WebApplication UseServiceDefaults(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        return app;
    }

    /// <summary>Maps <c>/health/live</c>, <c>/health/ready</c>, <c>/openapi/v1.json</c> and <c>/scalar</c>.</summary>
    /// <remarks>
    /// The health endpoints answer only Healthy/Degraded/Unhealthy, no details, so unlike eShop they
    /// are mapped in every environment: orchestrators and load balancers probe them in production.
    /// </remarks>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // Open to anyone, so rate limited per client address (RateLimitPolicies.Public).
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Live) })
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public);
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains(HealthTags.Ready) })
            .AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public);

        app.MapOpenApi().AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public);
        app.MapScalarApiReference().AllowAnonymous().RequireRateLimiting(RateLimitPolicies.Public);
        return app;
    }
}
