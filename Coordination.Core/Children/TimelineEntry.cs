namespace Coordination.Core.Children;

/// <summary>One entry of a child's timeline across all agencies: a screening, an assistance record, or another board event (registered, referred, closed, merged ...).</summary>
public sealed record TimelineEntry(DateTimeOffset At, string AgencyKey, Screening? Screening, AssistanceRecord? Assistance, BoardEventMessage? Event)
{
    public DateOnly Date => Screening?.Date ?? Assistance?.Date ?? DateOnly.FromDateTime(At.UtcDateTime);
}
