using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Supervision.Handlers.Operators;

/// <summary>
/// <c>operator.renewCertificate</c> (unit 27): 4 more years from the old expiry (复审). The
/// certificate must be the person's (same ID number) and not revoked
/// (<c>operator-certificate-unknown</c> otherwise).
/// </summary>
internal sealed class RenewOperatorCertificateHandler(
    RegistryDbContext db, IOptions<RegistryOptions> options, TimeProvider timeProvider, ILogger<RenewOperatorCertificateHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "operator.renewCertificate";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var settings = options.Value;
        var number = variables.RequiredText("certificateNo");
        var (idNumber, _) = OperatorPeople.Read(variables);
        var person = await OperatorPeople.FindAsync(Db, idNumber, settings.IdNumberPepper, cancellationToken);
        var certificate = person is null
            ? null
            : await Db.OperatorCertificates.FirstOrDefaultAsync(c => c.Number == number && c.PersonId == person.Id && !c.Revoked, cancellationToken);
        if (certificate is null)
        {
            throw BusinessErrors.Error(BusinessErrors.OperatorCertificateUnknown, $"No certificate {number} in force is on file for the person with ID number {idNumber.Masked}.");
        }

        certificate.IssuedOn = Time.Today();
        certificate.ExpiresOn = settings.Certificates.ExpiryFor(certificate.ExpiresOn.AddDays(1));
        await Db.SaveChangesAsync(cancellationToken);
    }
}
