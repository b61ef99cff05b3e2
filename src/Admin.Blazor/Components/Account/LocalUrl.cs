namespace ApprovalHub.Admin.Blazor.Components.Account;

/// <summary>Return addresses after sign-in: only paths of this site, never a redirect elsewhere.</summary>
public static class LocalUrl
{
    /// <summary>True for "/definitions"; false for "//evil.example", "/\\evil.example", "https://…" and empty.</summary>
    public static bool IsLocal(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'));
}
