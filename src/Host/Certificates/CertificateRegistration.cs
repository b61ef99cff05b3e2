using ApprovalHub.Host.Security;
using ApprovalHub.Supervision.Certificates;
using Microsoft.AspNetCore.Authorization;

namespace ApprovalHub.Host.Certificates;

/// <summary>Wires the e-certificate download: its policy, and a startup check that the certificate font is installed.</summary>
internal static class CertificateRegistration
{
    public static IHostApplicationBuilder AddCertificates(this IHostApplicationBuilder builder)
    {
        // Analysts see every registry row for their modelling work, but certificates are for the
        // holder, its regulators and the administrators.
        builder.Services.Configure<AuthorizationOptions>(options => options.AddPolicy(
            CertificatesApi.DownloadPolicy,
            policy => policy.RequireRole(Roles.Regulator, Roles.Enterprise, Roles.Producer, Roles.Inspector, Roles.Admin)));
        builder.Services.AddHostedService<CertificateFontCheck>();
        return builder;
    }
}

/// <summary>
/// Says at startup whether the e-certificates can be drawn: without a Chinese font every
/// certificate issue fails (and becomes an incident) until one is installed.
/// </summary>
internal sealed partial class CertificateFontCheck(CertificateFonts fonts, ILogger<CertificateFontCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            FontFound(logger, fonts.Current.Path);
        }
        catch (CertificateFontMissingException ex)
        {
            FontMissing(logger, ex.Message);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4130, Level = LogLevel.Information, Message = "E-certificates are drawn with the font {Path}")]
    private static partial void FontFound(ILogger logger, string path);

    [LoggerMessage(EventId = 4131, Level = LogLevel.Error, Message = "E-certificates cannot be issued: {Reason}")]
    private static partial void FontMissing(ILogger logger, string reason);
}
