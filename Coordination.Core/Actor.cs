namespace Coordination.Core;

/// <summary>
/// Who acts: the agency whose work it is, the person doing it, the role the account has and, for a township
/// supervisor, the township; and where the request came from, for the audit trail. Services take it explicitly
/// and check <see cref="Rights"/> with it.
/// </summary>
public sealed record Actor(string AgencyKey, string Person, Role Role = Role.Liaison, string? TownshipKey = null, string? From = null)
{
    /// <summary>The account's unique sign-in name (its e-mail) or key id, for the audit trail: display names are not unique.</summary>
    public string? Account { get; init; }

    public static Actor ForAgency(string agencyKey) => new(agencyKey, agencyKey + " liaison");
}
