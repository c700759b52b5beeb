namespace Coordination.Core.Referrals;

/// <summary>
/// The referral part of a <c>referral.*</c> event's <see cref="Board.BoardEventDetail"/>, typed: from and to
/// agencies, need, urgency, and for <c>referral.overdue</c> the stage (<c>acceptance</c> or <c>completion</c>).
/// </summary>
public sealed record ReferralEventDetail(string From, string To, Need Need, ReferralUrgency Urgency, string? Stage = null)
{
    public const string AcceptanceStage = "acceptance";
    public const string CompletionStage = "completion";

    public static ReferralEventDetail Of(Referral referral, string? stage = null) =>
        new(referral.FromAgencyKey, referral.ToAgencyKey, referral.Need, referral.Urgency, stage);

    public Board.BoardEventDetail ToDetail() =>
        new() { From = From, To = To, Need = Need.Key(), Urgency = Urgency.Key(), Stage = Stage };

    /// <summary>The referral an event's detail speaks of, or null when it is not a referral's.</summary>
    public static ReferralEventDetail? Of(Board.BoardEventDetail? detail) =>
        detail is { From: { } from, To: { } to }
        && EnumKeys.TryParse<Need>(detail.Need, out var need)
        && EnumKeys.TryParse<ReferralUrgency>(detail.Urgency, out var urgency)
            ? new ReferralEventDetail(from, to, need, urgency, detail.Stage)
            : null;
}
