using System.Security.Cryptography;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Reference;
using Microsoft.AspNetCore.Identity;

namespace Coordination.Web.Accounts;

/// <summary>Makes accounts: from the CLI, the demo set and the tests alike, through Identity's own rules.</summary>
public sealed class AccountService(UserManager<Account> users, ReferenceCatalog catalog, TimeProvider time)
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
        var account = new Account
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            AgencyKey = agencyKey,
            Role = role,
            TownshipKey = role == Role.Township ? townshipKey : null,
            DisplayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim(),
            CreatedAt = time.GetUtcNow(),
            LockoutEnabled = true,
        };
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
}
