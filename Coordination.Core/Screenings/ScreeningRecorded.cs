namespace Coordination.Core.Screenings;

/// <summary>The outcome of recording a screening: what was made and where it stands in the board's log.</summary>
public sealed record ScreeningRecorded(Guid Id, Guid ChildId, long Sequence, bool ChildRegistered);
