using System.Globalization;
using ApprovalHub.Supervision.Equipment;
using ApprovalHub.Supervision.Organisations;
using ApprovalHub.Supervision.Persistence;
using ApprovalHub.Workflows.Calendar;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Supervision.Handlers.Licences;

/// <summary>
/// Production licences (TSG 07-2019): 4 years' validity, renewal applied for at least 6 months
/// before expiry (domain.md 4 [S]); numbers <c>TS2NNNNNN-YYYY</c>, the shape the forms accept.
/// </summary>
internal static class LicenceRules
{
    public const int ValidityYears = 4;

    public const int RenewalMonthsBefore = 6;

    /// <summary>The last day of a licence issued (or renewed from) <paramref name="from"/>.</summary>
    public static DateOnly ExpiryFrom(DateOnly from) => from.AddYears(ValidityYears).AddDays(-1);

    /// <summary>09:00 China time six months before expiry, as the ISO text step 1's timer reads.</summary>
    public static string RenewalReminder(DateOnly expiresOn) =>
        new DateTimeOffset(expiresOn.AddMonths(-RenewalMonthsBefore).ToDateTime(new TimeOnly(9, 0)), BusinessCalendarFiles.ChinaOffset)
            .ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A new licence number; numbers already on file are skipped.</summary>
    public static async Task<string> NextNumberAsync(RegistryDbContext db, int year, CancellationToken cancellationToken)
    {
        while (true)
        {
            var serial = await db.NextNumberAsync($"licence:{year}", cancellationToken);
            var number = string.Create(CultureInfo.InvariantCulture, $"TS2{serial:000000}-{year}");
            if (!await db.Licences.AnyAsync(l => l.Number == number, cancellationToken))
            {
                return number;
            }
        }
    }

    /// <summary>The licence <c>licenceNo</c> names, held by the applicant when the process has one.</summary>
    public static async Task<Licence> RequireAsync(RegistryDbContext db, HandlerVariables variables, CancellationToken cancellationToken)
    {
        var number = variables.RequiredText("licenceNo");
        var licence = await db.Licences.FirstOrDefaultAsync(l => l.Number == number, cancellationToken);
        if (licence is null || (variables.Long("organisationId") is { } holder && licence.OrganisationId != holder))
        {
            throw BusinessErrors.Error(BusinessErrors.LicenceUnknown, $"No licence {number} is on file for the applicant.");
        }

        return licence;
    }

    /// <summary>制造、安装（电梯、起重机械）: the scope in the licence's words.</summary>
    public static string ScopeText(IEnumerable<string> scopes, IEnumerable<string> categories)
    {
        var work = string.Join("、", scopes.Select(s => s switch
        {
            "manufacture" => "制造",
            "installation" => "安装",
            "renovation" => "改造",
            "repair" => "修理",
            "filling" => "充装",
            _ => s,
        }));
        var kinds = string.Join("、", categories.Select(c => CatalogCode.TryParse(c, out var code, out _) ? code.Category.ChineseName() : c));
        var text = kinds.Length > 0 ? $"{work}（{kinds}）" : work;
        return text.Length > 200 ? text[..200] : text;
    }
}
