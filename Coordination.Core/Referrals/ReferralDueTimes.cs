namespace Coordination.Core.Referrals;

/// <summary>
/// How long the receiving agency has to accept a referral, and to complete it, by urgency; both counted
/// from when it was sent. Configured under <c>Referrals:DueTimes</c> (e.g. <c>Referrals:DueTimes:Urgent:Accept</c>
/// = <c>1.00:00:00</c>); a referral keeps the due times it was sent with.
/// </summary>
public sealed class ReferralDueTimes
{
    public const string Section = "Referrals:DueTimes";

    public DueTime Urgent { get; set; } = new() { Accept = TimeSpan.FromHours(24), Complete = TimeSpan.FromDays(3) };

    public DueTime High { get; set; } = new() { Accept = TimeSpan.FromDays(3), Complete = TimeSpan.FromDays(14) };

    public DueTime Normal { get; set; } = new() { Accept = TimeSpan.FromDays(7), Complete = TimeSpan.FromDays(30) };

    public DueTime For(ReferralUrgency urgency) => urgency switch
    {
        ReferralUrgency.Urgent => Urgent,
        ReferralUrgency.High => High,
        _ => Normal,
    };

    /// <summary>Every time positive and no completion due before acceptance.</summary>
    public bool IsValid() =>
        EnumKeys.All<ReferralUrgency>().Select(For).All(d => d.Accept > TimeSpan.Zero && d.Complete >= d.Accept);
}

/// <summary>The two due times of one urgency.</summary>
public sealed class DueTime
{
    public TimeSpan Accept { get; set; }

    public TimeSpan Complete { get; set; }
}
