using ApprovalHub.Supervision.Access;

namespace ApprovalHub.Host.Security.Scope;

/// <summary>
/// The scope of whoever makes the current call. Every scoped query and command asks this, never
/// the user's claims directly, so the mapping from roles to rights lives in one place
/// (<see cref="CallerScopes"/>).
/// </summary>
public interface ICallerScopeAccessor
{
    /// <summary>
    /// The caller's scope: <see cref="AccessScope.Public"/> for an anonymous request,
    /// <see cref="AccessScope.Unrestricted"/> outside any request (hosted services, timers, CLI).
    /// </summary>
    AccessScope Current { get; }
}
