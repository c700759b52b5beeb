using Coordination.Core.Referrals;

namespace Coordination.Web.Components.Board;

/// <summary>One board event in words, as the board's feed and the wall's feed both tell it (masked name only).</summary>
public static class FeedText
{
    public static string Describe(Labels labels, FeedItem item)
    {
        // The wall and the display role see no name at all: the line then speaks of "a child" of the township.
        var who = item.MaskedChildName ?? labels.Text("Feed.AChild");
        var where = labels.Township(item.TownshipKey);
        return item.Kind switch
        {
            BoardEventKinds.ScreeningRecorded => labels.Text("Feed.ScreeningRecorded", labels.Kind(item.Detail?.Kind), who, where, item.Risk is { } r ? labels.Risk(r) : ""),
            BoardEventKinds.ChildRegistered => labels.Text("Feed.ChildRegistered", who, where),
            BoardEventKinds.ChildUpdated => labels.Text("Feed.ChildUpdated", who, where),
            BoardEventKinds.ChildClosed => labels.Text("Feed.ChildClosed", who, where),
            BoardEventKinds.ChildReopened => labels.Text("Feed.ChildReopened", who, where),
            BoardEventKinds.ChildMerged => labels.Text("Feed.ChildMerged", who, where),
            BoardEventKinds.AssistanceRecorded => labels.Text("Feed.AssistanceRecorded", labels.Assistance(item.Detail?.Kind), who, where),
            BoardEventKinds.ImportApplied => labels.Text("Feed.ImportApplied", labels.Agency(item.AgencyKey), item.Detail?.Count ?? 0, labels.Kind(item.Detail?.Kind), where),
            BoardEventKinds.FiguresSubmitted => labels.Text("Feed.FiguresSubmitted", labels.Agency(item.AgencyKey), item.Detail?.Quarter ?? ""),
            BoardEventKinds.FiguresWithdrawn => labels.Text("Feed.FiguresWithdrawn", labels.Agency(item.AgencyKey), item.Detail?.Quarter ?? ""),
            BoardEventKinds.FiguresLocked => labels.Text("Feed.FiguresLocked", labels.Agency(item.AgencyKey), item.Detail?.Quarter ?? ""),
            BoardEventKinds.FiguresUnlocked => labels.Text("Feed.FiguresUnlocked", labels.Agency(item.AgencyKey), item.Detail?.Quarter ?? ""),
            BoardEventKinds.FiguresReported => labels.Text("Feed.FiguresReported", labels.Agency(item.AgencyKey), item.Detail?.Quarter ?? ""),
            _ when ReferralEventDetail.Of(item.Detail) is { } referral => DescribeReferral(labels, item.Kind, referral, who, where),
            _ => item.Kind,
        };
    }

    private static string DescribeReferral(Labels labels, string kind, ReferralEventDetail d, string who, string where) => kind switch
    {
        BoardEventKinds.ReferralCreated => labels.Text("Feed.ReferralCreated", who, where, labels.Agency(d.To), labels.Need(d.Need), labels.Urgency(d.Urgency)),
        BoardEventKinds.ReferralAccepted => labels.Text("Feed.ReferralAccepted", who, where, labels.Agency(d.From), labels.Need(d.Need)),
        BoardEventKinds.ReferralDeclined => labels.Text("Feed.ReferralDeclined", who, where, labels.Agency(d.From), labels.Need(d.Need)),
        BoardEventKinds.ReferralCompleted => labels.Text("Feed.ReferralCompleted", who, where, labels.Agency(d.From), labels.Need(d.Need)),
        BoardEventKinds.ReferralWithdrawn => labels.Text("Feed.ReferralWithdrawn", who, where, labels.Agency(d.To), labels.Need(d.Need)),
        BoardEventKinds.ReferralOverdue when d.Stage == ReferralEventDetail.CompletionStage =>
            labels.Text("Feed.ReferralOverdueComplete", who, where, labels.Agency(d.From), labels.Need(d.Need), labels.Urgency(d.Urgency)),
        BoardEventKinds.ReferralOverdue => labels.Text("Feed.ReferralOverdueAccept", who, where, labels.Agency(d.From), labels.Need(d.Need), labels.Urgency(d.Urgency)),
        _ => kind,
    };
}
