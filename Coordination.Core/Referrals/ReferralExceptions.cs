namespace Coordination.Core.Referrals;

/// <summary>The action does not fit the referral's state (accepting a declined one, say). Nothing changed.</summary>
public sealed class ReferralStateException(ReferralStatus status, ReferralAction action)
    : DomainException(CodeFor(action), $"A {status.Key()} referral cannot be {action.Key()}.")
{
    public ReferralStatus Status { get; } = status;

    public ReferralAction Action { get; } = action;

    private static string CodeFor(ReferralAction action) => action switch
    {
        ReferralAction.Accepted => "Error.Referral.NotPendingAccept",
        ReferralAction.Declined => "Error.Referral.NotPendingDecline",
        ReferralAction.Completed => "Error.Referral.NotAccepted",
        _ => "Error.Referral.NotOpen",
    };
}

/// <summary>The caller's agency may not do this to this referral (only the receiver accepts, ...). Nothing changed.</summary>
public sealed class ReferralNotAllowedException(string code, string message) : DomainException(code, message);

/// <summary>No referral has this id.</summary>
public sealed class ReferralNotFoundException(Guid id) : NotFoundException("Referral", id);

/// <summary>
/// Someone acted on the referral since the caller last saw it (a stale <c>version</c>, or a race lost at
/// the database). Nothing changed; the exception says what happened instead, so the caller can be told
/// "已被 卫健局 接收" and see the current state.
/// </summary>
public sealed class ReferralConflictException(ReferralStatus status, int version, ReferralAction? lastAction, string? byAgencyKey, DateTimeOffset? at)
    : DomainException("Error.Referral.Conflict", $"The referral changed meanwhile: now {status.Key()} (version {version}), last {lastAction?.Key()} by {byAgencyKey}.")
{
    public ReferralStatus Status { get; } = status;

    public int Version { get; } = version;

    public ReferralAction? LastAction { get; } = lastAction;

    public string? ByAgencyKey { get; } = byAgencyKey;

    public DateTimeOffset? At { get; } = at;

    internal static ReferralConflictException Of(Referral referral)
    {
        var last = referral.LastTransition;
        return new ReferralConflictException(referral.Status, referral.Version, last?.Action, last?.AgencyKey, last?.At);
    }
}
