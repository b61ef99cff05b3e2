using ApprovalHub.Supervision.Certificates;
using ApprovalHub.Supervision.Handlers.Devices;
using ApprovalHub.Supervision.Handlers.Hazards;
using ApprovalHub.Supervision.Handlers.Licences;
using ApprovalHub.Supervision.Handlers.Notices;
using ApprovalHub.Supervision.Handlers.Notifications;
using ApprovalHub.Supervision.Handlers.Operators;
using ApprovalHub.Supervision.Handlers.Organisations;
using ApprovalHub.Workflows.Runtime.Services;
using Microsoft.Extensions.DependencyInjection;

namespace ApprovalHub.Supervision.Handlers;

/// <summary>Registers every service-task handler of definitions/catalog.yaml, keyed by its <c>ah:type</c>.</summary>
public static class HandlerRegistration
{
    /// <summary>The <c>ah:type</c>s handled here, in catalog order.</summary>
    public static IReadOnlyList<string> Types { get; } =
    [
        CreateDeviceHandler.Type, IssueUseCertificateHandler.Type, ChangeStatusHandler.Type, ScheduleNextInspectionHandler.Type,
        RecordInspectionResultHandler.Type, RecordMaintenanceHandler.Type, RecordMaintenanceContractHandler.Type, RecordSafetyStaffHandler.Type,
        OpenHazardHandler.Type, CloseHazardHandler.Type,
        IssueLicenceHandler.Type, RenewLicenceHandler.Type, ChangeLicenceHandler.Type, CancelLicenceHandler.Type,
        IssueOperatorCertificateHandler.Type, RenewOperatorCertificateHandler.Type,
        AcceptNoticeHandler.Type, SendNotificationHandler.Type,
    ];

    /// <summary>
    /// Adds the handlers as keyed scoped <see cref="IServiceTaskHandler"/>s (each call gets its own
    /// scope and registry context). Needs the registry's <c>RegistryDbContext</c>, the options,
    /// a <see cref="TimeProvider"/> and the engine's queries and definition source.
    /// </summary>
    public static IServiceCollection AddServiceTaskHandlers(this IServiceCollection services)
    {
        services.AddSingleton<CertificateFonts>();
        services.AddScoped<UseCertificateIssuer>();
        services.AddKeyedScoped<IServiceTaskHandler, CreateDeviceHandler>(CreateDeviceHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, IssueUseCertificateHandler>(IssueUseCertificateHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, ChangeStatusHandler>(ChangeStatusHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, ScheduleNextInspectionHandler>(ScheduleNextInspectionHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, RecordInspectionResultHandler>(RecordInspectionResultHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, RecordMaintenanceHandler>(RecordMaintenanceHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, RecordMaintenanceContractHandler>(RecordMaintenanceContractHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, RecordSafetyStaffHandler>(RecordSafetyStaffHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, OpenHazardHandler>(OpenHazardHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, CloseHazardHandler>(CloseHazardHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, IssueLicenceHandler>(IssueLicenceHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, RenewLicenceHandler>(RenewLicenceHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, ChangeLicenceHandler>(ChangeLicenceHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, CancelLicenceHandler>(CancelLicenceHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, IssueOperatorCertificateHandler>(IssueOperatorCertificateHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, RenewOperatorCertificateHandler>(RenewOperatorCertificateHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, AcceptNoticeHandler>(AcceptNoticeHandler.Type);
        services.AddKeyedScoped<IServiceTaskHandler, SendNotificationHandler>(SendNotificationHandler.Type);
        return services;
    }
}
