using ApprovalHub.Supervision.Access;

namespace ApprovalHub.Host.Security.Users;

/// <summary>The rules a user's roles and scope must meet, as field errors for a validation problem.</summary>
internal static class UserAccessRules
{
    public static void Validate(IReadOnlyList<string>? roles, string? regionCode, long? organisationId, Dictionary<string, string[]> errors)
    {
        if (roles is null || roles.Count == 0)
        {
            errors["roles"] = ["At least one role is required."];
            return;
        }

        var unknown = roles.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0)
        {
            errors["roles"] = [$"Unknown role(s): {string.Join(", ", unknown)}. Use: {string.Join(", ", Roles.All)}."];
            return;
        }

        if (regionCode is not null && !IsRegionCode(regionCode))
        {
            errors["regionCode"] = ["A region code has 6 digits (GB/T 2260, e.g. 330106) or 12 digits (township, e.g. 330106001000)."];
        }
        else if (roles.Contains(Roles.Regulator) && regionCode is null)
        {
            errors["regionCode"] = ["A regulator needs the region code of its authority (100000 for national)."];
        }

        if (organisationId is <= 0)
        {
            errors["organisationId"] = ["An organisation id is a positive number."];
        }
        else if (organisationId is null && roles.Intersect(Roles.OrganisationScoped).FirstOrDefault() is { } role)
        {
            errors["organisationId"] = [$"The role {role} acts for an organisation; give its id."];
        }
    }

    private static bool IsRegionCode(string code)
    {
        if (code.Length is not (6 or 12) || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        _ = AccessScope.SignificantPrefix(code);
        return true;
    }
}
