namespace Coordination.Core.Board;

/// <summary>The kinds of board event: stable keys that clients switch on.</summary>
public static class BoardEventKinds
{
    public const string ChildRegistered = "child.registered";
    public const string ScreeningRecorded = "screening.recorded";
}
