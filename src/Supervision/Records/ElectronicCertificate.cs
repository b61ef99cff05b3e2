namespace ApprovalHub.Supervision.Records;

/// <summary>Kinds of 电子证照 the registry keeps.</summary>
public enum ElectronicCertificateKind
{
    /// <summary>特种设备使用登记证.</summary>
    UseRegistration = 0,

    /// <summary>检验报告.</summary>
    InspectionReport = 1,

    /// <summary>特种设备生产许可证.</summary>
    ProductionLicence = 2,

    /// <summary>作业人员证.</summary>
    OperatorCertificate = 3,
}

/// <summary>电子证照: an electronic certificate issued to an organisation, for a device or a person (专题库: e-certificates).</summary>
public sealed class ElectronicCertificate
{
    /// <summary>Registry id.</summary>
    public long Id { get; set; }

    /// <summary>What it certifies.</summary>
    public ElectronicCertificateKind Kind { get; set; }

    /// <summary>Its number.</summary>
    public required string Number { get; set; }

    /// <summary>The holder organisation.</summary>
    public long OrganisationId { get; set; }

    /// <summary>The device it is about, if any.</summary>
    public long? DeviceId { get; set; }

    /// <summary>Issue date.</summary>
    public DateOnly IssuedOn { get; set; }

    /// <summary>
    /// The day a later certificate replaced this one (换证, 补证) or the registration ended; null while
    /// it is the certificate in force.
    /// </summary>
    public DateOnly? SupersededOn { get; set; }

    /// <summary>The e-certificate as issued (PDF), for certificates the platform issued itself; null for imported ones.</summary>
    public byte[]? Pdf { get; set; }

    /// <summary>The 使用标志 (use sign) details printed with it, as JSON (<see cref="Certificates.UseSign"/>).</summary>
    public string? SignDetails { get; set; }
}
