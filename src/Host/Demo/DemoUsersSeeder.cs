using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Host.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace ApprovalHub.Host.Demo;

/// <summary>
/// In demo mode, creates the <see cref="DemoUsers"/> that are missing. Existing accounts are left
/// alone (a changed password or lock stays). Outside demo mode it does nothing: production never
/// gets an account with a known password.
/// </summary>
internal sealed class DemoUsersSeeder(
    IServiceScopeFactory scopes,
    IOptions<DemoOptions> options,
    TimeProvider timeProvider,
    ILogger<DemoUsersSeeder> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApprovalHubUser>>();
        int created = 0, existing = 0;
        foreach (var demo in DemoUsers.All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (await users.FindByNameAsync(demo.UserName) is not null)
            {
                existing++;
                continue;
            }

            var user = new ApprovalHubUser
            {
                UserName = demo.UserName,
                DisplayName = demo.DisplayName,
                RegionCode = demo.RegionCode,
                OrganisationId = demo.OrganisationId,
                CreatedAt = timeProvider.GetUtcNow(),
            };
            Check(await users.CreateAsync(user, DemoUsers.Password), demo.UserName);
            Check(await users.AddToRoleAsync(user, demo.Role), demo.UserName);
            created++;
        }

        logger.DemoUsersSeeded(created, existing);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"Demo user {userName} could not be created: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
