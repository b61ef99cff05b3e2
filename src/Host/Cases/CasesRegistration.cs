using ApprovalHub.Supervision.Cases.Catalog;
using ApprovalHub.Supervision.Cases.Contracts;

namespace ApprovalHub.Host.Cases;

/// <summary>Wires the case layer (docs/tasks.md): catalog, queue, actions, applications, case views, and their APIs.</summary>
internal static class CasesRegistration
{
    public static IHostApplicationBuilder AddCases(this IHostApplicationBuilder builder)
    {
        // Singletons: the Blazor pages call them for as long as a tab is open; every call opens
        // its own database context or scope.
        builder.Services.AddSingleton<IUnitCatalog>(_ => UnitCatalog.Shipped());
        builder.Services.AddSingleton<CaseCallers>();
        builder.Services.AddSingleton<WorkingDays>();
        builder.Services.AddSingleton<CaseRecords>();
        builder.Services.AddSingleton<CaseCards>();
        builder.Services.AddSingleton<BusinessKeys>();
        builder.Services.AddSingleton<Drafts>();
        builder.Services.AddSingleton<ITaskQueue, TaskQueue>();
        builder.Services.AddSingleton<ITaskActions, TaskActions>();
        builder.Services.AddSingleton<ICaseApplications, CaseApplications>();
        builder.Services.AddSingleton<ICaseViews, CaseViews>();
        return builder;
    }

    public static WebApplication MapCases(this WebApplication app)
    {
        app.MapTasksApi();
        app.MapCasesApi();
        return app;
    }
}
