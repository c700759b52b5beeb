namespace Coordination.Core.Audit;

/// <summary>The actions the audit trail records.</summary>
public static class AuditActions
{
    public const string Created = "created";
    public const string Updated = "updated";
    public const string Deleted = "deleted";
    public const string ChildViewed = "child.viewed";
    public const string ResidentIdRevealed = "child.resident-id-revealed";
    public const string SignInSucceeded = "sign-in.succeeded";
    public const string SignInFailed = "sign-in.failed";
    public const string SignedOut = "signed-out";
    public const string Exported = "exported";
    public const string AccountDisabled = "account.disabled";
    public const string AccountEnabled = "account.enabled";
    public const string AccountPasswordReset = "account.password-reset";
    public const string AccountSessionsEnded = "account.sessions-ended";
    public const string AccountRemoved = "account.removed";
    public const string FiguresSubmitted = "figures.submitted";
    public const string FiguresWithdrawn = "figures.withdrawn";
    public const string FiguresLocked = "figures.locked";
    public const string FiguresUnlocked = "figures.unlocked";
    public const string FiguresReported = "figures.reported";
    public const string FigureRecordsOpened = "figures.records-opened";
}
