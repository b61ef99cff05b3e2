using ApprovalHub.Supervision.Codes;
using ApprovalHub.Supervision.People;
using ApprovalHub.Supervision.Persistence;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Handlers.Operators;

/// <summary>The operator a form's <c>person</c> group names ({personName, idNumber}), found by the ID number's fingerprint.</summary>
internal static class OperatorPeople
{
    /// <summary>The checked ID number and name of the form's person.</summary>
    public static (ResidentIdNumber Number, string Name) Read(HandlerVariables variables)
    {
        var person = variables.Item(variables.Object("person") ?? throw new HandlerInputException("The operator handlers need the group 'person' {personName, idNumber}."), "person");
        if (!ResidentIdNumber.TryParse(person.RequiredText("idNumber"), out var number, out var error))
        {
            throw BusinessErrors.Error(BusinessErrors.IdNumberInvalid, error);
        }

        return (number, person.RequiredText("personName"));
    }

    /// <summary>The person on file with that number, or null.</summary>
    public static Task<Person?> FindAsync(RegistryDbContext db, ResidentIdNumber number, string pepper, CancellationToken cancellationToken)
    {
        var fingerprint = number.Fingerprint(pepper);
        return db.People.FirstOrDefaultAsync(p => p.IdNumberFingerprint == fingerprint, cancellationToken);
    }
}
