using System.Security.Claims;
using Coordination.Core.Access;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Accounts;

/// <summary>
/// A Blazor circuit lives for hours without HTTP requests: every minute it checks that its account still
/// exists, is not locked out, has not changed its security stamp, and that the session's absolute limit has
/// not passed. When one fails the circuit loses its sign-in and the pages say so.
/// </summary>
public sealed class CircuitSessionValidator(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<SessionOptions> options,
    TimeProvider time) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        var user = state.User;
        if (!SessionLimits.WithinAbsolute(user, SessionLimits.Began(user), time.GetUtcNow(), options.Value))
        {
            return false;
        }
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = await users.GetUserAsync(user);
        if (account is null || await users.IsLockedOutAsync(account))
        {
            return false;
        }
        var stamp = user.FindFirstValue(new ClaimsIdentityOptions().SecurityStampClaimType);
        return stamp is null || stamp == await users.GetSecurityStampAsync(account);
    }
}
