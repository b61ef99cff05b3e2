namespace ApprovalHub.Supervision.People;

/// <summary>Where a certificate stands on a given day.</summary>
public enum CertificateStatus
{
    /// <summary>有效.</summary>
    Valid = 0,

    /// <summary>待复审: inside the renewal window.</summary>
    RenewalDue = 1,

    /// <summary>已过期.</summary>
    Expired = 2,

    /// <summary>已撤销.</summary>
    Revoked = 3,
}

/// <summary>
/// Validity and renewal of operator certificates (configuration section <c>Registry:Certificates</c>):
/// 4 years [V]; renewal (复审) applied for at least 1 month before expiry (TSG Z6001-2019 Art. 25 [V]).
/// </summary>
public sealed class CertificateRules
{
    /// <summary>Validity in years [V].</summary>
    public int ValidityYears { get; set; } = 4;

    /// <summary>The last day to apply is this many months before expiry [V].</summary>
    public int ApplyMonthsBefore { get; set; } = 1;

    /// <summary>
    /// The renewal window opens this many months before expiry. Not a rule of the specification
    /// but a reminder lead: 3 months, the application lead of the older 2013 rule [S].
    /// </summary>
    public int WindowMonthsBefore { get; set; } = 3;

    /// <summary>The expiry of a certificate issued or renewed on <paramref name="issuedOn"/>.</summary>
    public DateOnly ExpiryFor(DateOnly issuedOn) => issuedOn.AddYears(ValidityYears).AddDays(-1);

    /// <summary>The last day to apply for renewal.</summary>
    public DateOnly ApplyBy(DateOnly expiresOn) => expiresOn.AddMonths(-ApplyMonthsBefore);

    /// <summary>The status on <paramref name="today"/>.</summary>
    public CertificateStatus StatusOn(OperatorCertificate certificate, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        if (certificate.Revoked)
        {
            return CertificateStatus.Revoked;
        }

        if (today > certificate.ExpiresOn)
        {
            return CertificateStatus.Expired;
        }

        return today >= certificate.ExpiresOn.AddMonths(-WindowMonthsBefore) ? CertificateStatus.RenewalDue : CertificateStatus.Valid;
    }
}
