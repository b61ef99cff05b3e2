namespace ApprovalHub.Supervision.People;

/// <summary>
/// An operator (作业人员) or safety manager. The national ID number is never stored in clear:
/// <see cref="IdNumberMasked"/> is for display to authorised users, <see cref="IdNumberFingerprint"/>
/// finds the same person again. Neither is ever shown to the public.
/// </summary>
public sealed class Person
{
    /// <summary>Registry id.</summary>
    public long Id { get; set; }

    /// <summary>Name.</summary>
    public required string Name { get; set; }

    /// <summary>330106********123X.</summary>
    public required string IdNumberMasked { get; set; }

    /// <summary>Keyed hash of the full number (see <see cref="Codes.ResidentIdNumber.Fingerprint"/>), unique.</summary>
    public required string IdNumberFingerprint { get; set; }

    /// <summary>The employer, if registered.</summary>
    public long? OrganisationId { get; set; }

    /// <summary>Region of the employer or residence.</summary>
    public required string RegionCode { get; set; }
}
