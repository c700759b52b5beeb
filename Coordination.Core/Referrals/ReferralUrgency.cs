namespace Coordination.Core.Referrals;

/// <summary>紧急程度 — sets the due times (see <see cref="ReferralDueTimes"/>). Ordered: a lower value is more urgent.</summary>
public enum ReferralUrgency
{
    Urgent = 1,
    High = 2,
    Normal = 3,
}
