using System.Security.Claims;

namespace Coordination.Web.Accounts;

/// <summary>The claims a signed-in account or an API key carries, and the <see cref="Actor"/> they make.</summary>
public static class AccountClaims
{
    public const string Agency = "coord:agency";
    public const string Township = "coord:township";
    public const string DisplayName = "coord:name";

    public static IEnumerable<Claim> For(string agencyKey, Role role, string? townshipKey, string displayName)
    {
        yield return new Claim(Agency, agencyKey);
        yield return new Claim(ClaimTypes.Role, role.Key());
        yield return new Claim(DisplayName, displayName);
        if (townshipKey is not null)
        {
            yield return new Claim(Township, townshipKey);
        }
    }

    /// <summary>The actor of a signed-in principal, or null for an anonymous one.</summary>
    public static Actor? ToActor(ClaimsPrincipal? user, string? from)
    {
        if (user?.Identity?.IsAuthenticated != true || user.FindFirstValue(Agency) is not { } agency)
        {
            return null;
        }
        var role = EnumKeys.TryParse<Role>(user.FindFirstValue(ClaimTypes.Role), out var r) ? r : Role.Viewer;
        var name = user.FindFirstValue(DisplayName) ?? user.Identity.Name ?? "?";
        return new Actor(agency, name, role, user.FindFirstValue(Township), from) { Account = user.Identity.Name };
    }
}
