namespace ApprovalHub.Host.Security;

/// <summary>
/// The roles of ApprovalHub. A user may hold several; the scope they see is the union of what each
/// role grants (<see cref="Scope.CallerScopes"/>).
/// </summary>
public static class Roles
{
    /// <summary>监管机构: a regulator at national, province, city, county or street level (by its region code).</summary>
    public const string Regulator = "regulator";

    /// <summary>检验检测机构: an inspection body, scoped to its organisation.</summary>
    public const string Inspector = "inspector";

    /// <summary>使用单位: a user unit (the enterprise that operates equipment), scoped to its organisation.</summary>
    public const string Enterprise = "enterprise";

    /// <summary>生产单位: a manufacturer or installer, scoped to its organisation.</summary>
    public const string Producer = "producer";

    /// <summary>Runs the platform's process models: edits drafts, publishes definitions. Sees everything.</summary>
    public const string Analyst = "analyst";

    /// <summary>Runs the platform: manages users and reads the audit trail. Sees everything.</summary>
    public const string Admin = "admin";

    /// <summary>Every role, in a stable order.</summary>
    public static IReadOnlyList<string> All { get; } = [Regulator, Inspector, Enterprise, Producer, Analyst, Admin];

    /// <summary>Roles whose scope is their organisation.</summary>
    public static IReadOnlyList<string> OrganisationScoped { get; } = [Inspector, Enterprise, Producer];

    /// <summary>True for a role name of <see cref="All"/> (exact, lower case).</summary>
    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
