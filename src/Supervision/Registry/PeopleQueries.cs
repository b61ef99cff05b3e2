using ApprovalHub.Supervision.Access;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.People;
using ApprovalHub.Supervision.Persistence;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Supervision.Registry;

/// <summary>An organisation with its licences.</summary>
public sealed record OrganisationView(long Id, string Name, string CreditCode, OrganisationRoles Roles, string RegionCode, string? Address, string? DutyPhone, IReadOnlyList<LicenceView> Licences);

/// <summary>A licence.</summary>
public sealed record LicenceView(string Number, string Scope, DateOnly IssuedOn, DateOnly ExpiresOn);

/// <summary>A person as authorised users see them: the ID number only masked.</summary>
public sealed record PersonView(long Id, string Name, string IdNumberMasked, long? OrganisationId, IReadOnlyList<CertificateView> Certificates);

/// <summary>A certificate with its status on the day asked.</summary>
public sealed record CertificateView(
    string Number, string? ItemCode, string? ItemName, string? LegacyItemCode, DateOnly IssuedOn, DateOnly ExpiresOn, DateOnly ApplyForRenewalBy, CertificateStatus Status);

/// <summary>An organisation by id; null when unknown or outside the scope.</summary>
public sealed record GetOrganisation(AccessScope Scope, long Id) : IQuery<OrganisationView?>;

/// <summary>A person by id; null when unknown or outside the scope (people belong to their employer's scope).</summary>
public sealed record GetPerson(AccessScope Scope, long Id) : IQuery<PersonView?>;

internal sealed class PeopleQueryHandlers(RegistryDbContext db, TimeProvider timeProvider, IOptions<RegistryOptions> options)
    : IQueryHandler<GetOrganisation, OrganisationView?>, IQueryHandler<GetPerson, PersonView?>
{
    public async ValueTask<OrganisationView?> Handle(GetOrganisation query, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().VisibleTo(query.Scope).FirstOrDefaultAsync(o => o.Id == query.Id, cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        var licences = await db.Licences.AsNoTracking().Where(l => l.OrganisationId == organisation.Id).OrderBy(l => l.IssuedOn)
            .Select(l => new LicenceView(l.Number, l.Scope, l.IssuedOn, l.ExpiresOn)).ToListAsync(cancellationToken);
        return new OrganisationView(organisation.Id, organisation.Name, organisation.CreditCode, organisation.Roles, organisation.RegionCode,
            organisation.Address, organisation.DutyPhone, licences);
    }

    public async ValueTask<PersonView?> Handle(GetPerson query, CancellationToken cancellationToken)
    {
        if (query.Scope.Kind == ScopeKind.Public)
        {
            return null;
        }

        var person = await db.People.AsNoTracking().FirstOrDefaultAsync(p => p.Id == query.Id, cancellationToken);
        if (person is null || !query.Scope.Covers(person.RegionCode, person.OrganisationId))
        {
            return null;
        }

        var rules = options.Value.Certificates;
        var today = timeProvider.Today();
        var certificates = (await db.OperatorCertificates.AsNoTracking().Where(c => c.PersonId == person.Id).OrderBy(c => c.IssuedOn).ToListAsync(cancellationToken))
            .Select(c => new CertificateView(
                c.Number, c.ItemCode, c.ItemCode is null ? null : OperatorItems.Current.GetValueOrDefault(c.ItemCode), c.LegacyItemCode,
                c.IssuedOn, c.ExpiresOn, rules.ApplyBy(c.ExpiresOn), rules.StatusOn(c, today)))
            .ToList();
        return new PersonView(person.Id, person.Name, person.IdNumberMasked, person.OrganisationId, certificates);
    }
}
