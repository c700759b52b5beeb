using System.Security.Claims;
using Coordination.Core;
using Coordination.Core.Access;
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
        Failed,
        LockedOut,
    }

    public async Task<Outcome> PasswordAsync(string email, string password, string? from)
    {
        var name = (email ?? "").Trim();
        // No account has a longer name or a control character in it: do not look such a name up.
        var account = name.Length > AuditEntry.WhoMaxLength || name != AuditEntry.Bounded(name)
            ? null
            : await users.FindByEmailAsync(name) ?? await users.FindByNameAsync(name);
        if (account is null)
        {
            await audit.RecordAsync(AuditEntry.SignIn(name, false, "unknown-account", from, time.GetUtcNow()));
            return Outcome.Failed;
        }
        var result = await signIn.CheckPasswordSignInAsync(account, password ?? "", lockoutOnFailure: true);
        if (!result.Succeeded)
        {
            var reason = result.IsLockedOut ? "locked-out" : "wrong-password";
            await audit.RecordAsync(AuditEntry.SignIn(name, false, reason, from, time.GetUtcNow()));
            return result.IsLockedOut ? Outcome.LockedOut : Outcome.Failed;
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
        await audit.RecordAsync(AuditEntry.SignIn(name, true, account.Role.Key(), from, now));
        return Outcome.Succeeded;
    }

    public async Task OutAsync(Actor? actor)
    {
        await signIn.SignOutAsync();
        if (actor is not null)
        {
            await audit.RecordAsync(actor, AuditActions.SignedOut);
        }
    }
}
