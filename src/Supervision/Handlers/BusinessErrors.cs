using ApprovalHub.Workflows.Runtime.Services;

namespace ApprovalHub.Supervision.Handlers;

/// <summary>
/// The BPMN error codes the handlers throw for business outcomes a process may model with an error
/// boundary event (an unknown device, a cancelled licence …). Everything else a handler throws is a
/// technical failure that the engine retries and then turns into an incident.
/// </summary>
public static class BusinessErrors
{
    /// <summary>No device with the given 设备代码 or 注册代码.</summary>
    public const string DeviceUnknown = "device-unknown";

    /// <summary>The device exists but the applicant organisation has nothing to do with it.</summary>
    public const string DeviceNotHeld = "device-not-held";

    /// <summary>The device's data does not pass the registry's rules (code, catalog, region).</summary>
    public const string DeviceInvalid = "device-invalid";

    /// <summary>The requested status change is not allowed from the device's status.</summary>
    public const string DeviceStatus = "device-status";

    /// <summary>The device already has a use-registration certificate (use 变更登记 or 补证).</summary>
    public const string AlreadyRegistered = "device-already-registered";

    /// <summary>The device has no use-registration certificate yet, or not the one named.</summary>
    public const string CertificateMismatch = "certificate-mismatch";

    /// <summary>No organisation with the given id or 统一社会信用代码.</summary>
    public const string OrganisationUnknown = "organisation-unknown";

    /// <summary>No licence with the given number (for this organisation).</summary>
    public const string LicenceUnknown = "licence-unknown";

    /// <summary>The licence was cancelled or has expired.</summary>
    public const string LicenceNotValid = "licence-not-valid";

    /// <summary>The maintenance unit holds no licence that allows it to maintain.</summary>
    public const string MaintenanceUnitUnlicensed = "maintenance-unit-unlicensed";

    /// <summary>No hazard with the given id.</summary>
    public const string HazardUnknown = "hazard-unknown";

    /// <summary>The ID number does not pass GB 11643.</summary>
    public const string IdNumberInvalid = "id-number-invalid";

    /// <summary>The person already holds a valid certificate for the item.</summary>
    public const string AlreadyCertified = "operator-already-certified";

    /// <summary>No operator certificate with that number for that person.</summary>
    public const string OperatorCertificateUnknown = "operator-certificate-unknown";

    /// <summary>No inspection interval applies (a grade-5 vessel may not be used).</summary>
    public const string NoInspectionInterval = "no-inspection-interval";

    /// <summary>Dates that contradict each other (a contract ending before it starts, a postponement to the past).</summary>
    public const string DatesInvalid = "dates-invalid";

    /// <summary>A <see cref="BpmnErrorException"/> with <paramref name="code"/> and a message in words.</summary>
    public static BpmnErrorException Error(string code, string message) => new(code, message);
}
