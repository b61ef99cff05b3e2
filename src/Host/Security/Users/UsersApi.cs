using ApprovalHub.Host.Diagnostics;
using ApprovalHub.Host.Security.Audit;
using ApprovalHub.Host.Security.Authentication;
using ApprovalHub.Host.Security.Authorization;
using ApprovalHub.Host.Security.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ApprovalHub.Host.Security.Users;

/// <summary>
/// <c>/api/users</c>: accounts, their roles and scope, locks and API keys. Administrators manage;
/// regulators may read the accounts under their region. Every call is in the audit trail.
/// </summary>
public static class UsersApi
{
    private const int MaxPageSize = 200;

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users");

        users.MapGet("", ListAsync)
            .WithName("ListUsers")
            .WithSummary("The accounts the caller may see, by user name")
            .RequireAuthorization(Policies.ReadUsers)
            .ReadsPersonalData();

        users.MapGet("/{id}", GetAsync)
            .WithName("GetUser")
            .WithSummary("One account; 404 when it does not exist or lies outside the caller's scope")
            .RequireAuthorization(Policies.ReadUsers)
            .ReadsPersonalData();

        users.MapPost("", CreateAsync)
            .WithName("CreateUser")
            .WithSummary("Creates an account with its roles and scope")
            .RequireAuthorization(Policies.ManageUsers);

        users.MapPut("/{id}/access", UpdateAccessAsync)
            .WithName("UpdateUserAccess")
            .WithSummary("Replaces an account's roles and scope; its tokens and cookies stop working")
            .RequireAuthorization(Policies.ManageUsers);

        users.MapPost("/{id}/lock", LockAsync)
            .WithName("LockUser")
            .WithSummary("Locks an account; its tokens, cookies and API keys stop working")
            .RequireAuthorization(Policies.ManageUsers);

        users.MapPost("/{id}/unlock", UnlockAsync)
            .WithName("UnlockUser")
            .WithSummary("Unlocks an account and clears its failed sign-ins")
            .RequireAuthorization(Policies.ManageUsers);

        users.MapPost("/{id}/api-keys", CreateApiKeyAsync)
            .WithName("CreateApiKey")
            .WithSummary("Creates an API key that acts as this account; the key is in the answer only")
            .RequireAuthorization(Policies.ManageUsers);

        users.MapDelete("/{id}/api-keys/{keyId:guid}", RevokeApiKeyAsync)
            .WithName("RevokeApiKey")
            .WithSummary("Revokes an API key")
            .RequireAuthorization(Policies.ManageUsers);

        return app;
    }

    /// <summary>GET /api/users</summary>
    public static async Task<Results<Ok<List<UserResponse>>, ValidationProblem>> ListAsync(
        UserDirectory directory,
        CancellationToken cancellationToken,
        int page = 1,
        int pageSize = 50)
    {
        if (page < 1 || pageSize is < 1 or > MaxPageSize)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                [page < 1 ? "page" : "pageSize"] = [page < 1 ? "page starts at 1." : $"pageSize is between 1 and {MaxPageSize}."],
            });
        }

        var users = await directory.Visible()
            .OrderBy(u => u.UserName)
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(await directory.DescribeAsync(users, cancellationToken));
    }

    /// <summary>GET /api/users/{id}</summary>
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> GetAsync(string id, UserDirectory directory, CancellationToken cancellationToken) =>
        await directory.FindAsync(id, cancellationToken) is { } user
            ? TypedResults.Ok(await directory.DescribeAsync(user, cancellationToken))
            : NoSuchUser(id);

    /// <summary>POST /api/users</summary>
    public static async Task<Results<Created<UserResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateUserRequest request,
        HttpContext context,
        UserManager<ApprovalHubUser> users,
        UserDirectory directory,
        TimeProvider timeProvider,
        ILogger<UserDirectory> logger,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.UserName))
        {
            errors["userName"] = ["The user name is required."];
        }

        if (string.IsNullOrWhiteSpace(request.DisplayName) || request.DisplayName.Length > ApprovalHubUser.MaxDisplayNameLength)
        {
            errors["displayName"] = [$"The display name is required, at most {ApprovalHubUser.MaxDisplayNameLength} characters."];
        }

        if (string.IsNullOrEmpty(request.Password))
        {
            errors["password"] = ["An initial password is required."];
        }

        UserAccessRules.Validate(request.Roles, request.RegionCode, request.OrganisationId, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The account is not valid");
        }

        var user = new ApprovalHubUser
        {
            UserName = request.UserName!.Trim(),
            DisplayName = request.DisplayName!.Trim(),
            Email = string.IsNullOrWhiteSpace(request.Email) ? null : request.Email.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(request.PhoneNumber) ? null : request.PhoneNumber.Trim(),
            RegionCode = request.RegionCode,
            OrganisationId = request.OrganisationId,
            CreatedAt = timeProvider.GetUtcNow(),
        };
        var created = await users.CreateAsync(user, request.Password!);
        if (!created.Succeeded)
        {
            return IdentityProblem(created);
        }

        var roles = await users.AddToRolesAsync(user, request.Roles!.Distinct(StringComparer.Ordinal));
        if (!roles.Succeeded)
        {
            await users.DeleteAsync(user);
            return IdentityProblem(roles);
        }

        AuditDetails.Of(context).Target = $"user={user.Id}";
        logger.UserChanged(context.User.Identity?.Name ?? "system", "created", user.UserName);
        var response = await directory.DescribeAsync(user, cancellationToken);
        return TypedResults.Created($"/api/users/{user.Id}", response);
    }

    /// <summary>PUT /api/users/{id}/access</summary>
    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateAccessAsync(
        string id,
        UpdateAccessRequest request,
        HttpContext context,
        UserManager<ApprovalHubUser> users,
        UserDirectory directory,
        ILogger<UserDirectory> logger,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        UserAccessRules.Validate(request.Roles, request.RegionCode, request.OrganisationId, errors);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The roles or scope are not valid");
        }

        if (await directory.FindAsync(id, cancellationToken) is not { } user)
        {
            return NoSuchUser(id);
        }

        var current = await users.GetRolesAsync(user);
        var wanted = request.Roles!.Distinct(StringComparer.Ordinal).ToList();
        user.RegionCode = request.RegionCode;
        user.OrganisationId = request.OrganisationId;
        var result = await users.RemoveFromRolesAsync(user, current.Except(wanted, StringComparer.Ordinal));
        if (result.Succeeded)
        {
            result = await users.AddToRolesAsync(user, wanted.Except(current, StringComparer.Ordinal));
        }

        if (result.Succeeded)
        {
            // A new stamp revokes tokens and cookies that still carry the old roles and scope.
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return IdentityProblem(result);
        }

        logger.UserChanged(context.User.Identity?.Name ?? "system", $"set roles {string.Join(',', wanted)} and scope of", user.UserName!);
        return TypedResults.Ok(await directory.DescribeAsync(user, cancellationToken));
    }

    /// <summary>POST /api/users/{id}/lock</summary>
    public static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> LockAsync(
        string id,
        LockUserRequest? request,
        HttpContext context,
        UserManager<ApprovalHubUser> users,
        UserDirectory directory,
        TimeProvider timeProvider,
        ILogger<UserDirectory> logger,
        CancellationToken cancellationToken)
    {
        var until = request?.Until ?? DateTimeOffset.MaxValue;
        if (until <= timeProvider.GetUtcNow())
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["until"] = ["Lock until a time in the future, or leave it out to lock until unlocked."] });
        }

        if (await directory.FindAsync(id, cancellationToken) is not { } user)
        {
            return NoSuchUser(id);
        }

        if (string.Equals(user.Id, context.User.FindFirst(SecurityClaims.UserId)?.Value, StringComparison.Ordinal))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = ["Administrators cannot lock themselves out."] });
        }

        var result = await users.SetLockoutEnabledAsync(user, true);
        if (result.Succeeded)
        {
            result = await users.SetLockoutEndDateAsync(user, until);
        }

        if (result.Succeeded)
        {
            result = await users.UpdateSecurityStampAsync(user);
        }

        if (!result.Succeeded)
        {
            return IdentityProblem(result);
        }

        logger.UserChanged(context.User.Identity?.Name ?? "system", "locked", user.UserName!);
        return TypedResults.Ok(await directory.DescribeAsync(user, cancellationToken));
    }

    /// <summary>POST /api/users/{id}/unlock</summary>
    public static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> UnlockAsync(
        string id,
        HttpContext context,
        UserManager<ApprovalHubUser> users,
        UserDirectory directory,
        ILogger<UserDirectory> logger,
        CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } user)
        {
            return NoSuchUser(id);
        }

        var result = await users.SetLockoutEndDateAsync(user, null);
        if (result.Succeeded)
        {
            result = await users.ResetAccessFailedCountAsync(user);
        }

        if (!result.Succeeded)
        {
            return IdentityProblem(result);
        }

        logger.UserChanged(context.User.Identity?.Name ?? "system", "unlocked", user.UserName!);
        return TypedResults.Ok(await directory.DescribeAsync(user, cancellationToken));
    }

    /// <summary>POST /api/users/{id}/api-keys</summary>
    public static async Task<Results<Created<ApiKeyCreatedResponse>, ValidationProblem, ProblemHttpResult>> CreateApiKeyAsync(
        string id,
        CreateApiKeyRequest request,
        HttpContext context,
        UserDirectory directory,
        SecurityDbContext db,
        TimeProvider timeProvider,
        ILogger<UserDirectory> logger,
        CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(request.Name) || request.Name.Length > 100)
        {
            errors["name"] = ["Say what the key is for, in at most 100 characters."];
        }

        if (request.ExpiresAt <= now)
        {
            errors["expiresAt"] = ["The expiry must be in the future."];
        }

        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "The API key request is not valid");
        }

        if (await directory.FindAsync(id, cancellationToken) is not { } user)
        {
            return NoSuchUser(id);
        }

        var (keyId, key, hash) = ApiKeys.Create();
        db.ApiKeys.Add(new ApiKeyRecord
        {
            Id = keyId,
            UserId = user.Id,
            Name = request.Name!.Trim(),
            SecretHash = hash,
            CreatedAt = now,
            ExpiresAt = request.ExpiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        AuditDetails.Of(context).Target = $"apiKey={keyId:N}";
        logger.UserChanged(context.User.Identity?.Name ?? "system", $"created API key {keyId:N} for", user.UserName!);
        return TypedResults.Created($"/api/users/{user.Id}/api-keys/{keyId}", new ApiKeyCreatedResponse(keyId, request.Name.Trim(), key, request.ExpiresAt));
    }

    /// <summary>DELETE /api/users/{id}/api-keys/{keyId}</summary>
    public static async Task<Results<NoContent, ProblemHttpResult>> RevokeApiKeyAsync(
        string id,
        Guid keyId,
        HttpContext context,
        UserDirectory directory,
        SecurityDbContext db,
        TimeProvider timeProvider,
        ILogger<UserDirectory> logger,
        CancellationToken cancellationToken)
    {
        if (await directory.FindAsync(id, cancellationToken) is not { } user)
        {
            return NoSuchUser(id);
        }

        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.UserId == user.Id && k.RevokedAt == null, cancellationToken);
        if (key is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API key", detail: $"User {id} has no active API key {keyId}.");
        }

        key.RevokedAt = timeProvider.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        logger.UserChanged(context.User.Identity?.Name ?? "system", $"revoked API key {keyId:N} of", user.UserName!);
        return TypedResults.NoContent();
    }

    private static ProblemHttpResult NoSuchUser(string id) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No such user",
        detail: $"No user {id} is visible to you.");

    // Identity's error codes name the field they concern; a taken name is a conflict, not bad input.
    private static ProblemHttpResult IdentityProblem(IdentityResult result)
    {
        if (result.Errors.Any(e => e.Code is "DuplicateUserName"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "The user name is taken", detail: result.Errors.First().Description);
        }

        var errors = result.Errors
            .GroupBy(e => e.Code switch
            {
                var code when code.StartsWith("Password", StringComparison.Ordinal) => "password",
                var code when code.Contains("UserName", StringComparison.Ordinal) => "userName",
                var code when code.Contains("Email", StringComparison.Ordinal) => "email",
                var code when code.Contains("Role", StringComparison.Ordinal) => "roles",
                _ => "user",
            }, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).ToArray(), StringComparer.Ordinal);
        return TypedResults.Problem(new HttpValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The account is not valid",
        });
    }
}
