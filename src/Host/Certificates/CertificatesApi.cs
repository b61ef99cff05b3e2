using System.Security.Claims;
using ApprovalHub.Host.Security;
using ApprovalHub.Host.Security.Scope;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Certificates;

/// <summary>Electronic certificates under <c>/api/certificates</c>.</summary>
internal static class CertificatesApi
{
    /// <summary>Who may download an e-certificate at all; which ones follows from the scope.</summary>
    public const string DownloadPolicy = "certificates.download";

    public static IEndpointRouteBuilder MapCertificatesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/certificates/{number}/pdf", PdfAsync).WithTags("Certificates").WithName("GetCertificatePdf")
            .WithSummary("The e-certificate PDF of a use-registration certificate")
            .WithDescription("For the users of the holder organisation, regulators whose region covers the device, and administrators; any other certificate is 404.")
            .RequireAuthorization(DownloadPolicy);
        return app;
    }

    private static async Task<Results<FileContentHttpResult, NotFound>> PdfAsync(
        string number, ClaimsPrincipal user, ICallerScopeAccessor scopes, RegistryDbContext db, CancellationToken cancellationToken)
    {
        var found = await db.ElectronicCertificates.AsNoTracking()
            .Where(c => c.Number == number && c.Kind == ElectronicCertificateKind.UseRegistration && c.Pdf != null)
            .OrderBy(c => c.SupersededOn != null).ThenByDescending(c => c.Id)
            .Select(c => new { c.Id, c.OrganisationId, Region = db.Devices.Where(d => d.Id == c.DeviceId).Select(d => d.RegionCode).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return TypedResults.NotFound();
        }

        // The holder's own users, regulators over the device's region (the unrestricted scope of a
        // national regulator or an administrator included); everyone else does not learn it exists.
        var scope = scopes.Current;
        var regulatorOrAdmin = user.IsInRole(Roles.Regulator) || user.IsInRole(Roles.Admin);
        if (!scope.CoversOrganisation(found.OrganisationId) && !(regulatorOrAdmin && scope.CoversRegion(found.Region)))
        {
            return TypedResults.NotFound();
        }

        var pdf = await db.ElectronicCertificates.Where(c => c.Id == found.Id).Select(c => c.Pdf!).FirstAsync(cancellationToken);
        return TypedResults.File(pdf, "application/pdf", $"{number}.pdf");
    }
}
