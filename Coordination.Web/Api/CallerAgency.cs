using Coordination.Core;
using Coordination.Core.Reference;

namespace Coordination.Web.Api;

/// <summary>
/// Who calls the API. Until accounts and API keys exist, the caller names its agency in an
/// <c>X-Agency</c> header; when keys arrive only this class changes.
/// </summary>
public static class CallerAgency
{
    public const string Header = "X-Agency";

    public static Actor? Resolve(HttpContext http, ReferenceCatalog catalog)
    {
        var key = http.Request.Headers[Header].ToString().Trim();
        return catalog.Agency(key) is null ? null : new Actor(key, "api:" + key);
    }
}
