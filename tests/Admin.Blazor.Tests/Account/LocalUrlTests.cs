using ApprovalHub.Admin.Blazor.Components.Account;

namespace ApprovalHub.Admin.Blazor.Tests.Account;

/// <summary>After sign-in the browser goes back only to a page of this site, never to another one.</summary>
public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/definitions")]
    [InlineData("/definitions?key=use_registration")]
    public void Paths_of_this_site_are_local(string url) => Assert.True(LocalUrl.IsLocal(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("definitions")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("javascript:alert(1)")]
    public void Anything_else_is_not(string? url) => Assert.False(LocalUrl.IsLocal(url));
}
