namespace Coordination.Core.Referrals;

/// <summary>
/// 转介状态. <c>pending</c> → <c>accepted</c> → <c>completed</c>; <c>pending</c> → <c>declined</c>;
/// <c>pending</c> or <c>accepted</c> → <c>withdrawn</c>. Nothing else moves (see <see cref="Referral"/>).
/// </summary>
public enum ReferralStatus
{
    /// <summary>待接收 — sent, waiting for the receiving agency.</summary>
    Pending = 1,

    /// <summary>已接收 — the receiving agency is working on it.</summary>
    Accepted = 2,

    /// <summary>已拒绝 — the receiving agency declined it, with a reason.</summary>
    Declined = 3,

    /// <summary>已办结 — done, with an outcome.</summary>
    Completed = 4,

    /// <summary>已撤回 — the sender took it back, with a reason.</summary>
    Withdrawn = 5,
}
