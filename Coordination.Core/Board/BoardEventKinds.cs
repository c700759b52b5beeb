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
}
