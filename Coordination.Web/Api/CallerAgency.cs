using Coordination.Web.Accounts;

namespace Coordination.Web.Api;

/// <summary>Who calls: the signed-in account or the API key's agency, with the address it calls from.</summary>
public static class CallerAgency
{
    public static Actor? Resolve(HttpContext http) =>
        AccountClaims.ToActor(http.User, http.Connection.RemoteIpAddress?.ToString());
}
