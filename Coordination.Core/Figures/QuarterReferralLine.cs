namespace Coordination.Core.Figures;

/// <summary>One referral sent in the quarter, for the workbook's 转介明细: the child's name masked, no ID.</summary>
public sealed record QuarterReferralLine(
    DateTimeOffset CreatedAt,
    string MaskedChildName,
    string TownshipKey,
    string FromAgencyKey,
    string ToAgencyKey,
    Need Need,
    ReferralUrgency Urgency,
    ReferralStatus Status,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    bool? CompletedOnTime);
