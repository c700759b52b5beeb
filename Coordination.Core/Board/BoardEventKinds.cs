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

    /// <summary>An agency imported a register: one event per township it touched (detail: the screening kind and the count).</summary>
    public const string ImportApplied = "import.applied";
    public const string ReferralCreated = "referral.created";
    public const string ReferralAccepted = "referral.accepted";
    public const string ReferralDeclined = "referral.declined";
    public const string ReferralCompleted = "referral.completed";
    public const string ReferralWithdrawn = "referral.withdrawn";

    /// <summary>A referral went past the due time of its stage (reported once per stage).</summary>
    public const string ReferralOverdue = "referral.overdue";

    /// <summary>An agency's lead submitted its part of a quarter's figures (detail: the quarter).</summary>
    public const string FiguresSubmitted = "figures.submitted";

    /// <summary>An agency's lead withdrew its submission before the lock.</summary>
    public const string FiguresWithdrawn = "figures.withdrawn";

    /// <summary>Civil affairs' lead locked the quarter: its figures are stored and no longer move.</summary>
    public const string FiguresLocked = "figures.locked";

    /// <summary>The administrator unlocked the quarter, with a reason (audited, not on the wire).</summary>
    public const string FiguresUnlocked = "figures.unlocked";

    /// <summary>An agency's lead entered or changed reported figures of a quarter.</summary>
    public const string FiguresReported = "figures.reported";

    /// <summary>The prefix all figures kinds share: a figures page reloads on them.</summary>
    public const string FiguresPrefix = "figures.";

    /// <summary>The prefix all referral kinds share.</summary>
    public const string ReferralPrefix = "referral.";
}
