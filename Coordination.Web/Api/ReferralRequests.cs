using System.Text.Json.Serialization;
using Coordination.Core.Referrals;

namespace Coordination.Web.Api;

/// <summary>The body of <c>POST /api/v1/referrals</c>; the sender is the caller's agency.</summary>
public sealed record ReferralRequest(Guid? ChildId, string? To, string? Need, string? Urgency, string? Note)
{
    public NewReferral ToCommand() => new(ChildId, To, Need, Urgency, Note);
}

/// <summary>The body of <c>POST /api/v1/referrals/{id}/accept</c>.</summary>
public sealed record AcceptReferralRequest(int? Version);

/// <summary>The body of <c>POST /api/v1/referrals/{id}/decline</c>: a reason, perhaps another agency to try.</summary>
public sealed record DeclineReferralRequest(int? Version, string? Reason, string? SuggestedAgency);

/// <summary>The body of <c>POST /api/v1/referrals/{id}/complete</c>: what was done.</summary>
public sealed record CompleteReferralRequest(int? Version, string? Outcome);

/// <summary>The body of <c>POST /api/v1/referrals/{id}/withdraw</c>: why the sender takes it back.</summary>
public sealed record WithdrawReferralRequest(int? Version, string? Reason);

/// <summary>The answer to a new referral: <c>dueAt</c> is when it must be accepted.</summary>
public sealed record ReferralCreated(Guid Id, string Status, DateTimeOffset? DueAt, int Version);

/// <summary>A referral on the wire: keys, never display names; the child's name masked.</summary>
public sealed record ReferralResource(
    Guid Id,
    Guid ChildId,
    string Child,
    string Township,
    string From,
    string To,
    string Need,
    string Urgency,
    string Note,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset AcceptDueAt,
    DateTimeOffset CompleteDueAt,
    DateTimeOffset? DueAt,
    bool Overdue,
    DateTimeOffset? AcceptedAt,
    DateTimeOffset? ClosedAt,
    string? DeclineReason,
    string? SuggestedAgency,
    string? Outcome,
    string? WithdrawReason,
    int Version,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ReferralStepResource>? History)
{
    public static ReferralResource Of(ReferralView r, IReadOnlyList<ReferralStepView>? history = null) => new(
        r.Id, r.ChildId, r.MaskedChildName, r.TownshipKey, r.FromAgencyKey, r.ToAgencyKey, r.Need.Key(), r.Urgency.Key(), r.Note,
        r.Status.Key(), r.CreatedAt, r.AcceptDueAt, r.CompleteDueAt, r.DueAt, r.IsOverdue, r.AcceptedAt, r.ClosedAt,
        r.DeclineReason, r.SuggestedAgencyKey, r.Outcome, r.WithdrawReason, r.Version,
        history?.Select(s => new ReferralStepResource(s.Action.Key(), s.AgencyKey, s.Person, s.At, s.Note)).ToList());

    public static ReferralResource Of(ReferralDetail d) => Of(d.Referral, d.History);
}

/// <summary>One row of a referral's history on the wire.</summary>
public sealed record ReferralStepResource(string Action, string Agency, string Person, DateTimeOffset At, string? Note);
