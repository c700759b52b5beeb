namespace Coordination.Core;

/// <summary>
/// Who acts: the agency whose work it is and the person doing it. Services take it explicitly so that
/// where it comes from (the "working as" picker now, accounts later) changes nowhere else.
/// </summary>
public sealed record Actor(string AgencyKey, string Person)
{
    public static Actor ForAgency(string agencyKey) => new(agencyKey, agencyKey + " liaison");
}
