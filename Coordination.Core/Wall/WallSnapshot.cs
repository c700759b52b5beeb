namespace Coordination.Core.Wall;

/// <summary>
/// Everything the meeting-room wall shows, as of one point of the event log. Made for a room full of people:
/// names masked, no resident ID, phone or village anywhere, and every count that belongs to one township a
/// <see cref="SmallCount"/> (1 and 2 shown as "&lt;3").
/// </summary>
public sealed record WallSnapshot(
    long Sequence,
    DateOnly Today,
    DateTimeOffset? UpdatedAt,
    WallTotals Totals,
    int MapRows,
    int MapColumns,
    IReadOnlyList<WallArea> Areas,
    IReadOnlyList<WallAgencyReferrals> Referrals,
    int OverdueTotal,
    IReadOnlyList<WallOverdue> OldestOverdue,
    IReadOnlyList<WallProgramme> Programmes,
    QuarterSubmission LastQuarter,
    IReadOnlyList<FeedItem> Feed);

/// <summary>City totals: children on the register, at high risk, screenings this quarter, and each category with this quarter's new enrolments.</summary>
public sealed record WallTotals(int ActiveChildren, int HighRisk, int ScreeningsThisQuarter, IReadOnlyList<WallCategory> Categories);

public sealed record WallCategory(ChildCategory Category, int Children, int EnrolledThisQuarter);

/// <summary>One tile of the map: an area at its place, with its counts as a room may see them.</summary>
public sealed record WallArea(
    string Key,
    string Name,
    string NameEn,
    int Row,
    int Column,
    SmallCount Children,
    SmallCount HighRisk,
    SmallCount OpenReferrals,
    SmallCount OverdueReferrals)
{
    /// <summary>0 none, 1 a few (&lt;3), 2 three to nine, 3 ten or more at high risk: the tile's colour.</summary>
    public int Heat => HighRisk.Exact switch
    {
        0 => 0,
        null => 1,
        < 10 => 2,
        _ => 3,
    };
}

/// <summary>An agency's inbox: referrals waiting for it to accept, accepted and being worked, overdue.</summary>
public sealed record WallAgencyReferrals(string AgencyKey, int Waiting, int Accepted, int Overdue);

/// <summary>An overdue referral, the longest overdue first: masked name, area, who waits on whom, since when.</summary>
public sealed record WallOverdue(string MaskedChildName, string TownshipKey, string FromAgencyKey, string ToAgencyKey, Need Need, ReferralUrgency Urgency, ReferralStatus Status, DateTimeOffset DueAt);
