using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.Inspections;
using ApprovalHub.Supervision.People;

namespace ApprovalHub.Supervision.Registry;

/// <summary>Configuration section <c>Registry</c>: the rules domain.md marks [S] or [U], and registry settings.</summary>
public sealed class RegistryOptions
{
    /// <summary>The configuration section.</summary>
    public const string SectionName = "Registry";

    /// <summary>Inspection intervals.</summary>
    public InspectionRules Inspection { get; set; } = new();

    /// <summary>Operator certificate validity and renewal.</summary>
    public CertificateRules Certificates { get; set; } = new();

    /// <summary>使用登记证编号 characters and city letters.</summary>
    public UseCertificateFormat UseCertificate { get; set; } = new();

    /// <summary>
    /// The key of the ID-number fingerprints. Change it before the first person is stored: existing
    /// fingerprints no longer match afterwards. Production sets its own (environment or secrets).
    /// </summary>
    public string IdNumberPepper { get; set; } = "approvalhub-development-pepper";

    /// <summary>
    /// The public base URL the QR codes point at (<c>https://tzsb.example.gov.cn</c>); the code
    /// encodes <c>{PublicBaseUrl}/q/{设备代码}</c>. Empty: the request's own scheme and host.
    /// </summary>
    public string PublicBaseUrl { get; set; } = string.Empty;

    /// <summary>
    /// A TrueType CJK font (.ttf, or .ttc whose first face is used) for the e-certificates. Empty:
    /// the first installed of <see cref="Certificates.CertificateFont.DefaultCandidates"/>.
    /// </summary>
    public string CertificateFontPath { get; set; } = string.Empty;

    /// <summary>
    /// The base URL printed in QR codes when <see cref="PublicBaseUrl"/> is empty and there is no
    /// request to take it from (certificates issued by a process): the demo's own address.
    /// </summary>
    public const string FallbackPublicBaseUrl = "http://127.0.0.1:5080";

    /// <summary>The rescue hotline shown on public pages; 96333 is the common number [V].</summary>
    public string Hotline { get; set; } = "96333";

    /// <summary>
    /// Other hotlines by region code prefix (Hubei uses 963333, Zhangzhou 96196 [S]); the longest
    /// matching prefix of the device's region wins.
    /// </summary>
    public Dictionary<string, string> HotlinesByRegionPrefix { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Public QR lookups allowed per client address and minute.</summary>
    public int PublicRequestsPerMinute { get; set; } = 60;

    /// <summary>Demo mode: devices seeded on first start into an empty registry (0: none).</summary>
    public int DemoDevices { get; set; } = 20_000;

    /// <summary>Demo mode: the random seed of the demo province.</summary>
    public int DemoSeed { get; set; } = 42;

    /// <summary>The hotline for a device in <paramref name="regionCode"/>.</summary>
    public string HotlineFor(string regionCode) =>
        HotlinesByRegionPrefix.Where(h => regionCode.StartsWith(h.Key, StringComparison.Ordinal))
            .OrderByDescending(h => h.Key.Length)
            .Select(h => h.Value)
            .FirstOrDefault() ?? Hotline;
}
