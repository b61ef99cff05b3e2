using ApprovalHub.Supervision.Access;

namespace ApprovalHub.Host.Security.Scope;

/// <summary>Reads the scope from the signed-in user of the current HTTP request.</summary>
internal sealed class HttpCallerScopeAccessor(IHttpContextAccessor httpContextAccessor) : ICallerScopeAccessor
{
    /// <inheritdoc />
    public AccessScope Current => httpContextAccessor.HttpContext is { } context
        ? CallerScopes.From(context.User)
        // No request: the platform's own work (timers, demo seeding, CLI) acts for everyone.
        : AccessScope.Unrestricted;
}
