using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Accounts;

/// <summary>
/// A Blazor circuit lives for hours without HTTP requests: every minute (<c>Sessions:RevalidateSeconds</c>) it checks that its account still
/// exists, is not locked out or disabled, has not changed its security stamp, that the session's absolute limit has not
/// passed, and that the person has not left it idle past the idle limit (a wall display is never idle-limited).
/// When one fails the circuit loses its sign-in and the page sends the browser to the sign-in page.
/// </summary>
public sealed class CircuitSessionValidator(
    ILoggerFactory loggerFactory,
    IServiceScopeFactory scopes,
    IOptions<SessionOptions> options,
    TimeProvider time,
    CircuitActivity? activity = null) : RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => options.Value.Revalidate;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken)
    {
        var user = state.User;
        var now = time.GetUtcNow();
        if (!SessionLimits.WithinAbsolute(user, SessionLimits.Began(user), now, options.Value))
        {
            return false;
        }
        if (activity is not null && !SessionLimits.IsDisplay(user) && now - activity.Last > options.Value.Idle)
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
        // Disabled, signed out elsewhere, password reset or sessions ended: the same test as every HTTP request's.
        return await AccountSessions.IsCurrentAsync(users, user);
    }
}
