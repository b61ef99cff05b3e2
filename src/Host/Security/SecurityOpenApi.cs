using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ApprovalHub.Host.Security;

/// <summary>
/// Describes the sign-in schemes in the OpenAPI document, so API clients (and Scalar's "Authorize")
/// know to send a bearer token or an API key.
/// </summary>
internal static class SecurityOpenApi
{
    public static IServiceCollection AddSecurityOpenApi(this IServiceCollection services) =>
        services.Configure<OpenApiOptions>("v1", options => options.AddDocumentTransformer((document, _, _) =>
        {
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
            document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                BearerFormat = "JWT",
                Description = "A token from POST /api/auth/token (docs/security.md).",
            };
            document.Components.SecuritySchemes["ApiKey"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Header,
                Name = Authentication.ApiKeys.HeaderName,
                Description = "An API key created by an administrator for an integration account.",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("ApiKey", document)] = [] });
            return Task.CompletedTask;
        }));
}
