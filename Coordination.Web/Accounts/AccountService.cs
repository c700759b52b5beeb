using System.Security.Cryptography;
using Coordination.Core.Audit;
using Coordination.Core.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Coordination.Web.Accounts;

/// <summary>
/// Makes accounts and takes access away: from the CLI, the administrator's accounts page, the demo set and the tests
/// alike, through Identity's own rules. Every change to an existing account is the administrator's and audited.
/// </summary>
public sealed class AccountService(UserManager<Account> users, ReferenceCatalog catalog, TimeProvider time, AuditLog audit)
{
    /// <summary>A random password of 20 characters that passes every password rule.</summary>
    public static string NewPassword() =>
        string.Concat(RandomNumberGenerator.GetItems<char>("abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789-", 20));

    /// <exception cref="InvalidInputException">Unknown agency, role or township, or a password Identity refuses.</exception>
    public async Task<Account> CreateAsync(string email, string agencyKey, Role role, string? townshipKey, string? displayName, string password)
    {
        var errors = new InputErrors();
        if (catalog.Agency(agencyKey) is null)
        {
            errors.Add("agency", "Error.Agency.Unknown");
        }
        if (role == Role.Township && catalog.Township(townshipKey) is null)
        {
            errors.Add("township", "Error.Township.Unknown");
        }
        if (await users.FindByEmailAsync(email) is not null)
        {
            errors.Add("email", "Error.Account.Exists");
        }
        errors.ThrowIfAny();
        var account = NewAccount(email, agencyKey, role, role == Role.Township ? townshipKey : null,
            string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim());
        var result = await users.CreateAsync(account, password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                errors.Add(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "password" : "email",
                    error.Description.StartsWith("Error.", StringComparison.Ordinal) ? error.Description
                    : error.Code == nameof(IdentityErrorDescriber.PasswordTooShort) ? "Error.Password.TooShort"
                    : "Error.Account.Refused");
            }
            errors.ThrowIfAny();
        }
        return account;
    }

    /// <summary>An account as every way of making one makes it: signed in by its e-mail, locked out after failed tries.</summary>
    private Account NewAccount(string email, string agencyKey, Role role, string? townshipKey, string displayName) => new()
    {
        UserName = email,
        Email = email,
        EmailConfirmed = true,
        AgencyKey = agencyKey,
        Role = role,
        TownshipKey = townshipKey,
        DisplayName = displayName,
        CreatedAt = time.GetUtcNow(),
        LockoutEnabled = true,
    };

    /// <summary>The demo set only: its published password would be refused by the password rules, on purpose.</summary>
    internal async Task<Account> CreateDemoAsync(string email, string agencyKey, Role role, string? townshipKey, string displayName, string password)
    {
        var account = NewAccount(email, agencyKey, role, townshipKey, displayName);
        account.PasswordHash = users.PasswordHasher.HashPassword(account, password);
        var result = await users.CreateAsync(account);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The demo account {email} could not be made: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
        return account;
    }

    /// <summary>Every account, for the administrator: by agency, then e-mail.</summary>
    public async Task<IReadOnlyList<Account>> ListAsync(Actor actor)
    {
        Rights.Require(Rights.CanAdminister(actor), "list accounts");
        return await users.Users.AsNoTracking().OrderBy(a => a.AgencyKey).ThenBy(a => a.Email).ToListAsync();
    }

    /// <summary>Takes the account's access away: it can no longer sign in, and its cookies and open circuits stop working.</summary>
    public async Task DisableAsync(Actor actor, string? email)
    {
        var account = await ExistingAsync(actor, email, "disable an account");
        if (account.IsDisabled)
        {
            return;
        }
        if (account.Role == Role.Admin && await users.Users.CountAsync(a => a.Role == Role.Admin && a.DisabledAt == null) <= 1)
        {
            throw Refused("email", "Error.Account.LastAdmin");
        }
        account.DisabledAt = time.GetUtcNow();
        await SaveAsync(account, endSessions: true);
        await audit.RecordAsync(actor, AuditActions.AccountDisabled, nameof(Account), account.Email);
    }

    /// <summary>Gives a disabled account its access back (and lifts a lockout); its old sessions stay ended.</summary>
    public async Task EnableAsync(Actor actor, string? email)
    {
        var account = await ExistingAsync(actor, email, "enable an account");
        account.DisabledAt = null;
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        await SaveAsync(account, endSessions: false);
        await audit.RecordAsync(actor, AuditActions.AccountEnabled, nameof(Account), account.Email);
    }

    /// <summary>Sets a new password (a generated one unless given), lifts a lockout and ends every session of the account; returns the password.</summary>
    public async Task<string> ResetPasswordAsync(Actor actor, string? email, string? password = null)
    {
        var account = await ExistingAsync(actor, email, "reset a password");
        var secret = password ?? NewPassword();
        var errors = new InputErrors();
        foreach (var validator in users.PasswordValidators)
        {
            var check = await validator.ValidateAsync(users, account, secret);
            foreach (var error in check.Errors)
            {
                errors.Add("password", error.Description.StartsWith("Error.", StringComparison.Ordinal) ? error.Description
                    : error.Code == nameof(IdentityErrorDescriber.PasswordTooShort) ? "Error.Password.TooShort" : "Error.Account.Refused");
            }
        }
        errors.ThrowIfAny();
        account.PasswordHash = users.PasswordHasher.HashPassword(account, secret);
        account.LockoutEnd = null;
        account.AccessFailedCount = 0;
        await SaveAsync(account, endSessions: true);
        await audit.RecordAsync(actor, AuditActions.AccountPasswordReset, nameof(Account), account.Email);
        return secret;
    }

    /// <summary>Ends every session of the account (every browser, the wall, open circuits); it may sign in again.</summary>
    public async Task EndSessionsAsync(Actor actor, string? email)
    {
        var account = await ExistingAsync(actor, email, "end an account's sessions");
        await SaveAsync(account, endSessions: true);
        await audit.RecordAsync(actor, AuditActions.AccountSessionsEnded, nameof(Account), account.Email);
    }

    /// <summary>Deletes every demo account (their password is published); returns their e-mails.</summary>
    public async Task<IReadOnlyList<string>> RemoveDemoAccountsAsync(Actor actor)
    {
        Rights.Require(Rights.CanAdminister(actor), "remove the demo accounts");
        var removed = new List<string>();
        foreach (var account in (await users.Users.ToListAsync()).Where(a => DemoDatabase.IsDemoEmail(a.Email)).OrderBy(a => a.Email, StringComparer.Ordinal))
        {
            var result = await users.DeleteAsync(account);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The demo account {account.Email} could not be removed: {string.Join("; ", result.Errors.Select(e => e.Code))}");
            }
            await audit.RecordAsync(actor, AuditActions.AccountRemoved, nameof(Account), account.Email);
            removed.Add(account.Email!);
        }
        return removed;
    }

    private async Task<Account> ExistingAsync(Actor actor, string? email, string what)
    {
        Rights.Require(Rights.CanAdminister(actor), what);
        var name = (email ?? "").Trim();
        return (name.Length == 0 ? null : await users.FindByEmailAsync(name)) ?? throw Refused("email", "Error.Account.Unknown");
    }

    private static InvalidInputException Refused(string field, string code)
    {
        var errors = new InputErrors();
        errors.Add(field, code);
        return new InvalidInputException(errors);
    }

    private async Task SaveAsync(Account account, bool endSessions)
    {
        if (endSessions)
        {
            // A new stamp: every cookie and circuit made with the old one is refused from now on.
            await users.UpdateSecurityStampAsync(account);
        }
        var result = await users.UpdateAsync(account);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The account {account.Email} could not be saved: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }
    }
}
