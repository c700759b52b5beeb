namespace Coordination.Core.Referrals;

/// <summary>One row of a referral's history: who did what, when, and what they wrote.</summary>
public sealed class ReferralStep
{
    /// <summary>The person recorded for what the board itself notices (a missed due time).</summary>
    public const string BoardPerson = "system";

    private ReferralStep()
    {
    }

    internal ReferralStep(Guid referralId, ReferralAction action, string agencyKey, string person, DateTimeOffset at, string? note)
    {
        ReferralId = referralId;
        Action = action;
        AgencyKey = agencyKey;
        Person = person;
        At = at;
        Note = string.IsNullOrWhiteSpace(note) ? null : note;
    }

    /// <summary>Given by the database: steps of one referral are ordered by <see cref="At"/>, then this.</summary>
    public long Id { get; private set; }

    public Guid ReferralId { get; private set; }

    public ReferralAction Action { get; private set; }

    public string AgencyKey { get; private set; } = "";

    public string Person { get; private set; } = "";

    public DateTimeOffset At { get; private set; }

    /// <summary>The note, reason or outcome written with the action.</summary>
    public string? Note { get; private set; }
}
