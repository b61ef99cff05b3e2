namespace ApprovalHub.Supervision.Records;

/// <summary>What happened to a device's registration over its life (domain.md 2.3, 5).</summary>
public enum RegistrationEventKind
{
    /// <summary>出厂: manufactured.</summary>
    Manufactured = 0,

    /// <summary>施工告知: installation notified.</summary>
    InstallationNotified = 1,

    /// <summary>首次登记: registered for use.</summary>
    Registered = 2,

    /// <summary>变更登记: a change registration (relocation, transfer, rename, renovation …).</summary>
    Changed = 3,

    /// <summary>停用.</summary>
    Suspended = 4,

    /// <summary>启用: back in use after a suspension.</summary>
    Resumed = 5,

    /// <summary>报废.</summary>
    Scrapped = 6,

    /// <summary>注销.</summary>
    Cancelled = 7,

    /// <summary>超期未检: the inspection validity ran out without an application; reported to the regulator.</summary>
    Overdue = 8,
}

/// <summary>One registration event of a device, for its lifecycle timeline.</summary>
public sealed class RegistrationEvent
{
    /// <summary>Registry id.</summary>
    public long Id { get; set; }

    /// <summary>The device.</summary>
    public long DeviceId { get; set; }

    /// <summary>What happened.</summary>
    public RegistrationEventKind Kind { get; set; }

    /// <summary>When.</summary>
    public DateOnly OccurredOn { get; set; }

    /// <summary>Detail in words (new address, new user unit …).</summary>
    public string? Detail { get; set; }
}
