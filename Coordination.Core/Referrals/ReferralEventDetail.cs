using Coordination.Core.Screenings;

namespace Coordination.Core.Referrals;

/// <summary>
/// The <see cref="Board.BoardEvent.Detail"/> of a <c>referral.*</c> event, in keys only:
/// <c>from=education to=womens-federation need=psychological urgency=urgent</c>, and for
/// <c>referral.overdue</c> also <c>stage=acceptance</c> or <c>stage=completion</c>. Clients split on
/// spaces and on the first <c>=</c>; unknown pairs are to be ignored (more may come).
/// </summary>
public sealed record ReferralEventDetail(string From, string To, Need Need, ReferralUrgency Urgency, string? Stage = null)
{
    public const string AcceptanceStage = "acceptance";
    public const string CompletionStage = "completion";

    public static ReferralEventDetail Of(Referral referral, string? stage = null) =>
        new(referral.FromAgencyKey, referral.ToAgencyKey, referral.Need, referral.Urgency, stage);

    public override string ToString() =>
        $"from={From} to={To} need={Need.Key()} urgency={Urgency.Key()}" + (Stage is null ? "" : $" stage={Stage}");

    public static ReferralEventDetail? Parse(string? detail)
    {
        if (string.IsNullOrWhiteSpace(detail))
        {
            return null;
        }
        var pairs = detail.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .Where(p => p.Length == 2)
            .GroupBy(p => p[0], StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.Ordinal);
        return pairs.TryGetValue("from", out var from)
            && pairs.TryGetValue("to", out var to)
            && EnumKeys.TryParse<Need>(pairs.GetValueOrDefault("need"), out var need)
            && EnumKeys.TryParse<ReferralUrgency>(pairs.GetValueOrDefault("urgency"), out var urgency)
                ? new ReferralEventDetail(from, to, need, urgency, pairs.GetValueOrDefault("stage"))
                : null;
    }
}
