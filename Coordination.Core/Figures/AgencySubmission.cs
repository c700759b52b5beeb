namespace Coordination.Core.Figures;

/// <summary>
/// 提交 — one agency's lead vouches for its agency's part of a quarter's figures (the DHIS2 data-approval step
/// below the lock). While it stands the agency's reported figures may not change; the lead may withdraw it
/// until the quarter is locked.
/// </summary>
public sealed class AgencySubmission
{
    private AgencySubmission()
    {
    }

    public Quarter Quarter { get; private set; }

    public string AgencyKey { get; private set; } = "";

    public DateTimeOffset SubmittedAt { get; private set; }

    /// <summary>The account (e-mail) of the lead who submitted.</summary>
    public string SubmittedBy { get; private set; } = "";

    internal static AgencySubmission Of(Quarter quarter, string agencyKey, Actor actor, DateTimeOffset now) => new()
    {
        Quarter = quarter,
        AgencyKey = agencyKey,
        SubmittedAt = now,
        SubmittedBy = actor.Account ?? actor.Person,
    };
}
