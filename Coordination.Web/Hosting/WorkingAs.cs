using Coordination.Core;

namespace Coordination.Web.Hosting;

/// <summary>
/// The agency this browser works as, until accounts exist: chosen in the app bar, remembered in a cookie,
/// handed to the circuit by <c>App</c>. Pages take the <see cref="Actor"/> from here and pass it to services.
/// </summary>
public sealed class WorkingAs
{
    public const string CookieName = "coord.working-as";

    public string? AgencyKey { get; private set; }

    public Actor? Actor => AgencyKey is null ? null : Actor.ForAgency(AgencyKey);

    public void Set(string? agencyKey) => AgencyKey = string.IsNullOrWhiteSpace(agencyKey) ? null : agencyKey;
}
