namespace Coordination.Core.Board;

/// <summary>The kinds of board event: stable keys that clients switch on.</summary>
public static class BoardEventKinds
{
    public const string ChildRegistered = "child.registered";
    public const string ScreeningRecorded = "screening.recorded";
    public const string ChildUpdated = "child.updated";
    public const string ChildClosed = "child.closed";
    public const string ChildReopened = "child.reopened";
    public const string ChildMerged = "child.merged";
    public const string AssistanceRecorded = "assistance.recorded";
    public const string ReferralCreated = "referral.created";
    public const string ReferralAccepted = "referral.accepted";
    public const string ReferralDeclined = "referral.declined";
    public const string ReferralCompleted = "referral.completed";
    public const string ReferralWithdrawn = "referral.withdrawn";

    /// <summary>A referral went past the due time of its stage (reported once per stage).</summary>
    public const string ReferralOverdue = "referral.overdue";

    /// <summary>The prefix all referral kinds share.</summary>
    public const string ReferralPrefix = "referral.";
}
