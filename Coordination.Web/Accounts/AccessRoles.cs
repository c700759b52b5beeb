namespace Coordination.Web.Accounts;

/// <summary>
/// Which roles may open which pages. Pages only follow the rules of <see cref="Core.Access.Rights"/>, which the
/// services enforce whatever the page does; these lists keep people from pages that would only refuse them.
/// </summary>
public static class AccessRoles
{
    /// <summary>Children's files: agency heads, liaisons, viewers, township supervisors (the wall and the administrator never).</summary>
    public const string Readers = "lead,liaison,viewer,township";

    /// <summary>Recording work: agency heads, liaisons and township supervisors (household screenings of their township).</summary>
    public const string Workers = "lead,liaison,township";

    /// <summary>Accounts, reference data, the audit trail.</summary>
    public const string Administrators = "admin";
}
