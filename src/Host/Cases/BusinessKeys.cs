using System.Globalization;
using System.Security.Cryptography;
using ApprovalHub.Workflows.Calendar;
using ApprovalHub.Workflows.Persistence;
using ApprovalHub.Workflows.Persistence.Queue;

namespace ApprovalHub.Host.Cases;

/// <summary>
/// Readable application numbers: <c>AH11-20261126-000123</c> (unit, day in China, running number
/// of that unit and day). A public complaint's number ends with four random characters
/// (<c>AH30-20261126-000007-K7QM</c>) so that nobody can follow another person's complaint by
/// counting.
/// </summary>
internal sealed class BusinessKeys(Func<WorkflowDbContext> createContext, TimeProvider time)
{
    // Crockford's base 32 without I, L, O, U: nothing to misread on a phone.
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    /// <summary>The next number of <paramref name="unitCode"/> for today.</summary>
    public async Task<string> NextAsync(string unitCode, CancellationToken cancellationToken)
    {
        var day = time.GetUtcNow().ToOffset(BusinessCalendarFiles.ChinaOffset).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var prefix = $"AH{unitCode}-{day}";
        await using var db = createContext();
        var number = await SequenceNumbers.NextAsync(db, prefix, cancellationToken);
        return string.Create(CultureInfo.InvariantCulture, $"{prefix}-{number:000000}");
    }

    /// <summary>A number with a random tail, for references the public holds.</summary>
    public async Task<string> NextUnguessableAsync(string unitCode, CancellationToken cancellationToken) =>
        $"{await NextAsync(unitCode, cancellationToken)}-{RandomNumberGenerator.GetString(Alphabet, 4)}";
}
