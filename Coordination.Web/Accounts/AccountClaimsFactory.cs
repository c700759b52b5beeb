using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Coordination.Web.Accounts;

/// <summary>Puts the account's agency, role and township into its sign-in, so every request knows its actor.</summary>
public sealed class AccountClaimsFactory(UserManager<Account> users, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaims(AccountClaims.For(user.AgencyKey, user.Role, user.TownshipKey, user.DisplayName.Length > 0 ? user.DisplayName : user.UserName ?? user.Id));
        return identity;
    }
}
