using System.Globalization;
using ApprovalHub.Supervision.Handlers.Effects;
using ApprovalHub.Supervision.People;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Supervision.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Supervision.Handlers.Operators;

/// <summary>
/// <c>operator.issueCertificate</c> (unit 26): the 特种设备安全管理和作业人员证 item for the person,
/// valid 4 years (TSG Z6001-2019). The person is found by ID-number fingerprint or registered (the
/// number is kept only masked). A person with a valid certificate for the item gets the business
/// error <c>operator-already-certified</c>. Writes <c>certificateNo</c>.
/// </summary>
internal sealed class IssueOperatorCertificateHandler(
    RegistryDbContext db, IOptions<RegistryOptions> options, TimeProvider timeProvider, ILogger<IssueOperatorCertificateHandler> logger)
    : RegistryHandler(db, timeProvider, logger)
{
    public const string Type = "operator.issueCertificate";

    protected override async Task ApplyAsync(HandlerCall call, CancellationToken cancellationToken)
    {
        var variables = call.Variables;
        var settings = options.Value;
        var organisation = await Db.RequireOrganisationAsync(variables.RequiredLong("organisationId"), cancellationToken);
        var (idNumber, name) = OperatorPeople.Read(variables);
        var item = variables.RequiredText("item");
        var today = Time.Today();
        var person = await OperatorPeople.FindAsync(Db, idNumber, settings.IdNumberPepper, cancellationToken);
        if (person is null)
        {
            person = new Person
            {
                Name = name,
                IdNumberMasked = idNumber.Masked,
                IdNumberFingerprint = idNumber.Fingerprint(settings.IdNumberPepper),
                OrganisationId = organisation.Id,
                RegionCode = organisation.RegionCode,
            };
            Db.People.Add(person);
            await Db.SaveChangesAsync(cancellationToken);
        }
        else
        {
            person.OrganisationId = organisation.Id;
            if (await Db.OperatorCertificates.AnyAsync(c => c.PersonId == person.Id && c.ItemCode == item && !c.Revoked && c.ExpiresOn >= today, cancellationToken))
            {
                throw BusinessErrors.Error(BusinessErrors.AlreadyCertified, $"{person.Name} already holds a valid certificate for item {item}; apply for 复审 instead.");
            }
        }

        var number = await NextNumberAsync(today.Year % 100, cancellationToken);
        Db.OperatorCertificates.Add(new OperatorCertificate
        {
            PersonId = person.Id,
            ItemCode = item,
            Number = number,
            IssuedOn = today,
            ExpiresOn = settings.Certificates.ExpiryFor(today),
        });
        await Db.SaveChangesAsync(cancellationToken);
        call.Output("certificateNo", number);
    }

    private async Task<string> NextNumberAsync(int year, CancellationToken cancellationToken)
    {
        while (true)
        {
            var serial = await Db.NextNumberAsync($"operator-certificate:{year:00}", cancellationToken);
            var number = string.Create(CultureInfo.InvariantCulture, $"Z{year:00}{serial:000000000}");
            if (!await Db.OperatorCertificates.AnyAsync(c => c.Number == number, cancellationToken))
            {
                return number;
            }
        }
    }
}
