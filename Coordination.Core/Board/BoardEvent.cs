namespace Coordination.Core.Board;

/// <summary>
/// 动态 — one entry of the board's event log, written in the same transaction as the change it reports.
/// <see cref="Sequence"/> is strictly increasing, so a client that was away asks for everything after the
/// last one it saw. It carries keys and ids, never a name or a resident ID.
/// </summary>
public sealed class BoardEvent
{
    private BoardEvent()
    {
    }

    public long Sequence { get; private set; }

    public string Kind { get; private set; } = "";

    public string AgencyKey { get; private set; } = "";

    public string? TownshipKey { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    /// <summary>A one-line account in keys (no personal data), for logs and outside programs.</summary>
    public string Summary { get; private set; } = "";

    public Guid? ChildId { get; private set; }

    /// <summary>The record the event is about (a screening's id, a referral's id).</summary>
    public Guid? SubjectId { get; private set; }

    /// <summary>What kind of thing happened within <see cref="Kind"/>, in keys: a screening kind, a referral's agencies and need.</summary>
    public BoardEventDetail? Detail { get; private set; }

    public RiskLevel? Risk { get; private set; }

    internal void AssignSequence(long sequence) => Sequence = sequence;

    public static BoardEvent ChildRegistered(Child child, Actor actor, DateTimeOffset now) =>
        OfChild(BoardEventKinds.ChildRegistered, actor.AgencyKey, child, child.Id, now,
            $"{BoardEventKinds.ChildRegistered} by {actor.AgencyKey} in {child.TownshipKey}",
            new BoardEventDetail { Categories = child.Categories.Select(c => c.Category.Key()).Order(StringComparer.Ordinal).ToList() });

    public static BoardEvent ScreeningRecorded(Screening screening, Child child, DateTimeOffset now) =>
        OfChild(BoardEventKinds.ScreeningRecorded, screening.AgencyKey, child, screening.Id, now,
            $"{BoardEventKinds.ScreeningRecorded} {screening.Kind.Key()} risk={screening.Risk.Key()} by {screening.AgencyKey} in {child.TownshipKey}",
            new BoardEventDetail { Kind = screening.Kind.Key() }, screening.Risk);

    /// <summary>A change to a child's record (<see cref="BoardEventKinds"/> child.*); <paramref name="reason"/> a closure's reason key, never personal data.</summary>
    public static BoardEvent ChildChanged(string kind, Child child, Actor actor, DateTimeOffset now, string? reason = null) =>
        OfChild(kind, actor.AgencyKey, child, child.Id, now,
            $"{kind} by {actor.AgencyKey} in {child.TownshipKey}" + (reason is null ? "" : $" ({reason})"),
            reason is null ? null : new BoardEventDetail { Reason = reason }, child.Risk);

    /// <summary>Two records of one child became one: <see cref="ChildId"/> is the record kept, <see cref="SubjectId"/> the one merged away.</summary>
    public static BoardEvent ChildMerged(Child kept, Child merged, Actor actor, DateTimeOffset now) =>
        OfChild(BoardEventKinds.ChildMerged, actor.AgencyKey, kept, merged.Id, now,
            $"{BoardEventKinds.ChildMerged} by {actor.AgencyKey} in {kept.TownshipKey}", risk: kept.Risk);

    public static BoardEvent AssistanceRecorded(AssistanceRecord record, Child child, DateTimeOffset now) =>
        OfChild(BoardEventKinds.AssistanceRecorded, record.AgencyKey, child, record.Id, now,
            $"{BoardEventKinds.AssistanceRecorded} {record.Kind.Key()} by {record.AgencyKey} in {child.TownshipKey}",
            new BoardEventDetail { Kind = record.Kind.Key() });

    /// <summary>An event about one child, in the child's township: <paramref name="subjectId"/> the record it is about.</summary>
    private static BoardEvent OfChild(string kind, string agencyKey, Child child, Guid subjectId, DateTimeOffset now, string summary,
        BoardEventDetail? detail = null, RiskLevel? risk = null) => new()
    {
        Kind = kind,
        AgencyKey = agencyKey,
        TownshipKey = child.TownshipKey,
        OccurredAt = now,
        ChildId = child.Id,
        SubjectId = subjectId,
        Detail = detail,
        Risk = risk,
        Summary = summary,
    };

    public static BoardEvent ImportApplied(string agencyKey, string townshipKey, string kind, int count, DateTimeOffset now) => new()
    {
        Kind = BoardEventKinds.ImportApplied,
        AgencyKey = agencyKey,
        TownshipKey = townshipKey,
        OccurredAt = now,
        Detail = new BoardEventDetail { Kind = kind, Count = count },
        Summary = $"{BoardEventKinds.ImportApplied} {kind} count={count} by {agencyKey} in {townshipKey}",
    };

    /// <summary>A <c>figures.*</c> event: about a quarter and an agency, no child and no township.</summary>
    public static BoardEvent FiguresChanged(string kind, Quarter quarter, string agencyKey, DateTimeOffset now) => new()
    {
        Kind = kind,
        AgencyKey = agencyKey,
        OccurredAt = now,
        Detail = new BoardEventDetail { Quarter = quarter.ToString() },
        Summary = $"{kind} {quarter} by {agencyKey}",
    };

    /// <summary>
    /// A <c>referral.*</c> event. <see cref="AgencyKey"/> is the acting agency (for <c>referral.overdue</c>,
    /// the receiving agency whose move is late); <see cref="Detail"/> holds the <see cref="ReferralEventDetail"/>
    /// in keys; <see cref="SubjectId"/> the referral. No names: the child is only its id and township.
    /// </summary>
    public static BoardEvent ReferralChanged(string kind, Referral referral, string agencyKey, string? townshipKey, DateTimeOffset now, string? stage = null)
    {
        var detail = ReferralEventDetail.Of(referral, stage);
        return new BoardEvent
        {
            Kind = kind,
            AgencyKey = agencyKey,
            TownshipKey = townshipKey,
            OccurredAt = now,
            ChildId = referral.ChildId,
            SubjectId = referral.Id,
            Detail = detail.ToDetail(),
            Summary = $"{kind} {referral.FromAgencyKey}->{referral.ToAgencyKey} need={referral.Need.Key()} urgency={referral.Urgency.Key()}"
                + (stage is null ? "" : $" stage={stage}") + $" by {agencyKey}",
        };
    }

    public BoardEventMessage ToMessage() =>
        new(Sequence, Kind, AgencyKey, TownshipKey, OccurredAt, Summary, ChildId, SubjectId, Detail, Risk?.Key());
}
