using System.Security.Claims;
using Coordination.Core.Audit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Accounts;

/// <summary>Signs people in and out through Identity, with lockout, the session's start time, and the audit trail.</summary>
public sealed class SignIn(
    SignInManager<Account> signIn,
    UserManager<Account> users,
    AuditLog audit,
    TimeProvider time,
    IOptions<SessionOptions> sessions)
{
    public const string IssuedClaim = "coord:issued";

    public enum Outcome
    {
        Succeeded,

        /// <summary>Unknown account, wrong password, locked or disabled: one answer, in about the same time.</summary>
        Failed,
    }

    /// <summary>
    /// A hash of a random password no one knows, checked when there is no real hash to check (an unknown, locked or
    /// disabled account), so that every refusal costs the same hashing work as a wrong password.
    /// </summary>
    private static readonly Lazy<string> DecoyHash = new(() => new PasswordHasher<Account>().HashPassword(new Account(), AccountService.NewPassword()));

    public async Task<Outcome> PasswordAsync(string email, string password, string? from)
    {
        var name = (email ?? "").Trim();
        // No account has a longer name or a control character in it: do not look such a name up.
        var account = name.Length > AuditEntry.WhoMaxLength || name != AuditEntry.Bounded(name)
            ? null
            : await users.FindByEmailAsync(name) ?? await users.FindByNameAsync(name);
        string? refused = account is null ? "unknown-account"
            : account.IsDisabled ? "disabled"
            : await users.IsLockedOutAsync(account) ? "locked-out"
            : null;
        if (account is null || refused is not null)
        {
            users.PasswordHasher.VerifyHashedPassword(account ?? new Account(), DecoyHash.Value, password ?? "");
            await audit.RecordAsync(AuditEntry.SignIn(account?.Email ?? name, false, refused ?? "unknown-account", from, time.GetUtcNow(), account?.AgencyKey, account?.Role.Key()));
            return Outcome.Failed;
        }
        var result = await signIn.CheckPasswordSignInAsync(account, password ?? "", lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var reason = result.IsLockedOut ? "locked-out" : "wrong-password";
            await audit.RecordAsync(AuditEntry.SignIn(account.Email ?? name, false, reason, from, time.GetUtcNow(), account.AgencyKey, account.Role.Key()));
            return Outcome.Failed;
        }
        var now = time.GetUtcNow();
        var display = account.Role == Role.Display;
        await signIn.SignInWithClaimsAsync(account,
            new Microsoft.AspNetCore.Authentication.AuthenticationProperties
            {
                IsPersistent = display,
                IssuedUtc = now,
                ExpiresUtc = display ? now + sessions.Value.Display : null,
            },
            [new Claim(IssuedClaim, now.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture))]);
        await audit.RecordAsync(AuditEntry.SignIn(account.Email ?? name, true, null, from, now, account.AgencyKey, account.Role.Key()));
        return Outcome.Succeeded;
    }

    /// <summary>
    /// Signs out here and ends the session on the server: the account's security stamp changes, so the cookie just
    /// cleared (or a copy of it) no longer signs anybody in, and its open circuits end at their next check.
    /// </summary>
    public async Task OutAsync(Actor? actor, ClaimsPrincipal? user = null)
    {
        if (user is not null && await users.GetUserAsync(user) is { } account)
        {
            await users.UpdateSecurityStampAsync(account);
        }
        await signIn.SignOutAsync();
        if (actor is not null)
        {
            await audit.RecordAsync(actor, AuditActions.SignedOut);
        }
    }
}
