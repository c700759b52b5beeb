using Microsoft.AspNetCore.Identity;

namespace Coordination.Web.Accounts;

/// <summary>
/// OWASP ASVS 5.0 passwords: long enough, not one of the common ones, not made of one repeated character or a
/// plain run of digits, not the account's own name — and no composition rules, no forced rotation.
/// </summary>
public sealed class CommonPasswordValidator<TUser>(CommonPasswords common) : IPasswordValidator<TUser> where TUser : class
{
    public async Task<IdentityResult> ValidateAsync(UserManager<TUser> manager, TUser user, string? password)
    {
        var p = password ?? "";
        var userName = (await manager.GetUserNameAsync(user))?.Split('@')[0] ?? "";
        if (common.Contains(p))
        {
            return Fail("PasswordCommon", "Error.Password.Common");
        }
        if (p.Distinct().Count() == 1 || IsRunOfDigits(p))
        {
            return Fail("PasswordTrivial", "Error.Password.Trivial");
        }
        if (userName.Length >= 3 && p.Contains(userName, StringComparison.OrdinalIgnoreCase))
        {
            return Fail("PasswordContainsUserName", "Error.Password.ContainsName");
        }
        return IdentityResult.Success;
    }

    private static bool IsRunOfDigits(string p) =>
        p.Length > 1 && p.All(char.IsAsciiDigit) && (Enumerable.Range(1, p.Length - 1).All(i => p[i] - p[i - 1] == 1) || Enumerable.Range(1, p.Length - 1).All(i => p[i - 1] - p[i] == 1));

    private static IdentityResult Fail(string code, string description) => IdentityResult.Failed(new IdentityError { Code = code, Description = description });
}
