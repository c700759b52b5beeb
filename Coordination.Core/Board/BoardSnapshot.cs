namespace Coordination.Core.Board;

/// <summary>
/// Everything the board shows, as of one point of the event log (<see cref="Sequence"/>). Names are masked:
/// the board is seen by every agency and by the meeting room.
/// </summary>
public sealed record BoardSnapshot(
    long Sequence,
    DateOnly Today,
    BoardKpis Kpis,
    IReadOnlyList<AgencyColumn> Columns,
    IReadOnlyList<FeedItem> Feed,
    IReadOnlyList<TownshipTile> Townships,
    OverdueReferrals Overdue);

public sealed record BoardKpis(
    int ActiveChildren,
    IReadOnlyDictionary<ChildCategory, int> ByCategory,
    int ScreeningsThisMonth,
    int ScreeningsThisQuarter,
    int HighRiskChildren);

public sealed record AgencyColumn(
    string AgencyKey,
    string Name,
    string NameEn,
    int ScreeningsThisQuarter,
    IReadOnlyList<ScreeningLine> Latest,
    AgencyReferralCounts Referrals);

public sealed record ScreeningLine(
    Guid Id,
    Guid ChildId,
    string MaskedChildName,
    ScreeningKind Kind,
    DateOnly Date,
    string TownshipKey,
    RiskLevel Risk);

public sealed record FeedItem(
    long Sequence,
    string Kind,
    string AgencyKey,
    string? TownshipKey,
    DateTimeOffset OccurredAt,
    BoardEventDetail? Detail,
    RiskLevel? Risk,
    Guid? ChildId,
    string? MaskedChildName);

public sealed record TownshipTile(string Key, string Name, string NameEn, int Children, int HighRisk);

/// <summary>Overdue referrals, everyone's business: the most overdue first, and how many there are in all.</summary>
public sealed record OverdueReferrals(int Total, IReadOnlyList<OverdueReferralLine> Latest)
{
    public static readonly OverdueReferrals None = new(0, []);
}

public sealed record OverdueReferralLine(
    Guid Id,
    Guid ChildId,
    string MaskedChildName,
    string TownshipKey,
    string FromAgencyKey,
    string ToAgencyKey,
    Need Need,
    ReferralUrgency Urgency,
    ReferralStatus Status,
    DateTimeOffset DueAt);
