namespace Coordination.Core.Children;

/// <summary>Why a child's file was closed (结案原因).</summary>
public enum ClosureReason
{
    TurnedEighteen = 1,
    ParentsReturned = 2,
    MovedAway = 3,
    Other = 4,
}
