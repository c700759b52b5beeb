using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Web.Accounts;

/// <summary>
/// Whether a sign-in is still the account's current session: the account exists, is not disabled, and its security
/// stamp is the one the sign-in was made with. Signing out, disabling the account, resetting its password and
/// "end its sessions" all change the stamp, so every cookie and circuit made before stops working.
/// </summary>
public static class AccountSessions
{
    private static readonly string StampClaim = new ClaimsIdentityOptions().SecurityStampClaimType;

    public static async Task<bool> IsCurrentAsync(UserManager<Account> users, ClaimsPrincipal user)
    {
        var account = await users.GetUserAsync(user);
        return account is not null && !account.IsDisabled && user.FindFirstValue(StampClaim) is { } stamp && stamp == account.SecurityStamp;
    }
}
