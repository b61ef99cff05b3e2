using ApprovalHub.Supervision.Registry;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Supervision.Certificates;

/// <summary>
/// Locates the certificate font once and keeps it; while none is installed every call fails again
/// with the message that says what to install, so installing the font fixes the next retry.
/// </summary>
public sealed class CertificateFonts(IOptions<RegistryOptions> options)
{
    private readonly Lock _gate = new();
    private CertificateFont? _font;

    /// <summary>The font, or <see cref="CertificateFontMissingException"/>.</summary>
    public CertificateFont Current
    {
        get
        {
            lock (_gate)
            {
                return _font ??= CertificateFont.Locate(options.Value.CertificateFontPath);
            }
        }
    }
}
