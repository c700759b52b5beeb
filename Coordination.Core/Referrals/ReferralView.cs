namespace Coordination.Core.Referrals;

/// <summary>A referral as lists, the board's faces and the API show it: the child's name masked.</summary>
public sealed record ReferralView(
    Guid Id,
    Guid ChildId,
    string MaskedChildName,
    string TownshipKey,
    string FromAgencyKey,
    string ToAgencyKey,
    Need Need,
    ReferralUrgency Urgency,
    string Note,
    ReferralStatus Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset AcceptDueAt,
    DateTimeOffset CompleteDueAt,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    string? DeclineReason,
    string? SuggestedAgencyKey,
    string? Outcome,
    string? WithdrawReason,
    bool IsOverdue,
    int Version)
{
    public bool IsOpen => Status is ReferralStatus.Pending or ReferralStatus.Accepted;

    /// <summary>Whether <paramref name="actor"/> may take <paramref name="action"/> on it now (<see cref="Referral.MayAct"/>).</summary>
    public bool Allows(Actor actor, ReferralAction action) => Referral.MayAct(actor, action, Status, FromAgencyKey, ToAgencyKey);

    /// <summary>The due time of the stage it is in; none once closed.</summary>
    public DateTimeOffset? DueAt => Referral.DueAtOf(Status, AcceptDueAt, CompleteDueAt);

    public static ReferralView Of(Referral r, string childName, string townshipKey, DateTimeOffset now) => new(
        r.Id, r.ChildId, Children.PersonName.Mask(childName), townshipKey, r.FromAgencyKey, r.ToAgencyKey, r.Need, r.Urgency, r.Note,
        r.Status, r.CreatedAt, r.AcceptDueAt, r.CompleteDueAt, r.AcceptedAt, r.ClosedAt,
        r.DeclineReason, r.SuggestedAgencyKey, r.Outcome, r.WithdrawReason, r.IsOverdue(now), r.Version);
}

/// <summary>One row of the history as shown.</summary>
public sealed record ReferralStepView(ReferralAction Action, string AgencyKey, string Person, DateTimeOffset At, string? Note)
{
    public static ReferralStepView Of(ReferralStep s) => new(s.Action, s.AgencyKey, s.Person, s.At, s.Note);
}

/// <summary>A referral with its history, oldest step first.</summary>
public sealed record ReferralDetail(ReferralView Referral, IReadOnlyList<ReferralStepView> History)
{
    public static ReferralDetail Of(Referral r, string childName, string townshipKey, DateTimeOffset now) => new(
        ReferralView.Of(r, childName, townshipKey, now),
        r.Steps.OrderBy(s => s.At).ThenBy(s => s.Id).Select(ReferralStepView.Of).ToList());
}

/// <summary>Which referrals a list shows. Null means "any".</summary>
public sealed record ReferralQuery(
    string? FromAgency = null,
    string? ToAgency = null,
    ReferralStatus? Status = null,
    bool? Overdue = null,
    Guid? ChildId = null,
    int Limit = ReferralQuery.DefaultLimit)
{
    public const int DefaultLimit = 200;
    public const int MaxLimit = 1000;
}

/// <summary>One agency's referral counts: what it must act on (inbox) and what it waits for (outbox).</summary>
public sealed record ReferralBoxCounts(AgencyReferralCounts Inbox, AgencyReferralCounts Outbox);
