namespace Coordination.Core.Referrals;

/// <summary>What a row of a referral's history records: a person's action, or the board noticing a missed due time.</summary>
public enum ReferralAction
{
    Created = 1,
    Accepted = 2,
    Declined = 3,
    Completed = 4,
    Withdrawn = 5,

    /// <summary>Still pending after the acceptance due time (recorded once).</summary>
    AcceptanceOverdue = 6,

    /// <summary>Still accepted, not completed, after the completion due time (recorded once).</summary>
    CompletionOverdue = 7,
}
