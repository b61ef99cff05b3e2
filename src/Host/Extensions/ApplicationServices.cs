using System.Text.Json;
using System.Text.Json.Serialization;
using ApprovalHub.Host.Admin;
using ApprovalHub.Host.Certificates;
using ApprovalHub.Host.Cases;
using ApprovalHub.Host.Cockpit;
using ApprovalHub.Host.Database;
using ApprovalHub.Host.Definitions;
using ApprovalHub.Host.Demo;
using ApprovalHub.Host.Engine;
using ApprovalHub.Host.Notifications;
using ApprovalHub.Host.Iot;
using ApprovalHub.Host.Operations;
using ApprovalHub.Host.Portal;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Registry;
using ApprovalHub.Workflows.Deployment;

namespace ApprovalHub.Host.Extensions;

/// <summary>The application's own wiring: persistence, security, definitions, demo mode, APIs and the admin UI.</summary>
public static class ApplicationServices
{
    /// <summary>Registers ApprovalHub's services. Order matters for hosted services: database first, then demo (definitions, users).</summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase)));

        builder.AddWorkflowDatabase();
        builder.AddSecurity();
        builder.AddWorkflowEngine();
        builder.Services.AddScoped<DefinitionDeployer>();
        builder.Services.AddScoped<DefinitionDrafts>();
        builder.AddDemoDefinitions();
        builder.AddRegistry();
        builder.AddCertificates();
        builder.AddCases();
        builder.AddIot();
        builder.AddCockpit();
        builder.AddPortal();
        builder.AddAdminUi();
        return builder;
    }

    /// <summary>Adds the security middleware, then maps the REST APIs and the admin UI.</summary>
    public static WebApplication MapApplicationEndpoints(this WebApplication app)
    {
        app.UseSecurity();
        app.MapSecurityApis();
        app.MapProcessDefinitionsApi();
        app.MapDefinitionDraftsApi();
        app.MapAdminApi();
        app.MapIncidentsApi();
        app.MapSlaApi();
        app.MapRegistry();
        app.MapNotificationsApi();
        app.MapCertificatesApi();
        app.MapCases();
        app.MapIot();
        app.MapCockpit();
        app.MapPortal();
        app.MapAdminUi();
        return app;
    }
}
