namespace Coordination.Core.Board;

/// <summary>A board event as it travels: to circuits, to hub clients and through the API.</summary>
public sealed record BoardEventMessage(
    long Sequence,
    string Kind,
    string Agency,
    string? Township,
    DateTimeOffset OccurredAt,
    string Summary,
    Guid? ChildId,
    Guid? SubjectId,
    BoardEventDetail? Detail,
    string? Risk);
