namespace Coordination.Web.Hosting;

/// <summary>
/// The actor of this circuit: the signed-in account's agency, role and name, handed over by <c>Routes</c> from
/// the authentication state. Pages pass <see cref="Actor"/> to services, which check the rights.
/// </summary>
public sealed class WorkingAs
{
    public Actor? Actor { get; private set; }

    public string? AgencyKey => Actor?.AgencyKey;

    public void Set(Actor? actor) => Actor = actor;
}
