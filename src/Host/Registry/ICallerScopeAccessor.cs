using ApprovalHub.Supervision.Access;

namespace ApprovalHub.Host.Registry;

/// <summary>
/// Gives the <see cref="AccessScope"/> of the caller of a request. Every registry endpoint asks this
/// interface and passes the answer to its query; no endpoint decides rights itself.
/// </summary>
/// <remarks>
/// Identity (#6) replaces <see cref="UnrestrictedCallerScopeAccessor"/> with an implementation that
/// reads the signed-in user's region and organisations; nothing else changes.
/// </remarks>
public interface ICallerScopeAccessor
{
    /// <summary>The scope of the caller of <paramref name="context"/>.</summary>
    AccessScope GetScope(HttpContext context);
}

/// <summary>
/// Until identity (#6) lands, every caller of the internal APIs is treated as platform-wide. The
/// public QR endpoints never ask: they always use <see cref="AccessScope.Public"/>.
/// </summary>
internal sealed class UnrestrictedCallerScopeAccessor : ICallerScopeAccessor
{
    public AccessScope GetScope(HttpContext context) => AccessScope.Unrestricted;
}
