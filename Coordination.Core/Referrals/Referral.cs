namespace Coordination.Core.Referrals;

/// <summary>
/// 转介 — one agency asks another to act for a child: one need, an urgency, due times for acceptance and
/// completion (both counted from sending), and a history of who did what when.
/// The state machine lives here: <c>pending</c> → <c>accepted</c> → <c>completed</c>;
/// <c>pending</c> → <c>declined</c> (reason, perhaps another agency to try); <c>pending</c> or
/// <c>accepted</c> → <c>withdrawn</c> by the sender (reason). Anything else raises a <see cref="DomainException"/>.
/// Every transition increments <see cref="Version"/>, the concurrency token the API calls <c>version</c>.
/// </summary>
public sealed class Referral
{
    private readonly List<ReferralStep> _steps = [];

    private Referral()
    {
    }

    public Guid Id { get; private set; }

    public Guid ChildId { get; private set; }

    /// <summary>Moves the referral to the record a duplicate was merged into.</summary>
    internal void MoveTo(Guid childId) => ChildId = childId;

    /// <summary>The sending agency.</summary>
    public string FromAgencyKey { get; private set; } = "";

    /// <summary>The receiving agency: the one that accepts, declines and completes.</summary>
    public string ToAgencyKey { get; private set; } = "";

    /// <summary>Exactly one need.</summary>
    public Need Need { get; private set; }

    public ReferralUrgency Urgency { get; private set; }

    public string Note { get; private set; } = "";

    public ReferralStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public string CreatedBy { get; private set; } = "";

    public DateTimeOffset AcceptDueAt { get; private set; }

    public DateTimeOffset CompleteDueAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>When it was declined, completed or withdrawn.</summary>
    public DateTimeOffset? ClosedAt { get; private set; }

    public string? DeclineReason { get; private set; }

    /// <summary>Another agency the decliner suggests trying.</summary>
    public string? SuggestedAgencyKey { get; private set; }

    public string? Outcome { get; private set; }

    public string? WithdrawReason { get; private set; }

    /// <summary>When the board reported it overdue for acceptance: set once, so it is reported once.</summary>
    public DateTimeOffset? AcceptanceOverdueAt { get; private set; }

    /// <summary>When the board reported it overdue for completion: set once, so it is reported once.</summary>
    public DateTimeOffset? CompletionOverdueAt { get; private set; }

    /// <summary>Measure kept for the figures: seconds from sending to acceptance.</summary>
    public long? SecondsToAccept { get; private set; }

    /// <summary>Measure kept for the figures: seconds from sending to completion.</summary>
    public long? SecondsToComplete { get; private set; }

    /// <summary>Measure kept for the figures: completed by <see cref="CompleteDueAt"/>.</summary>
    public bool? CompletedOnTime { get; private set; }

    public int Version { get; private set; }

    public IReadOnlyCollection<ReferralStep> Steps => _steps;

    public bool IsOpen => Status is ReferralStatus.Pending or ReferralStatus.Accepted;

    /// <summary>The due time of the stage it is in: acceptance while pending, completion while accepted.</summary>
    public DateTimeOffset? DueAt => DueAtOf(Status, AcceptDueAt, CompleteDueAt);

    /// <summary>The last thing a person did to it (not the board's overdue notes).</summary>
    public ReferralStep? LastTransition =>
        _steps.Where(s => s.Action is not (ReferralAction.AcceptanceOverdue or ReferralAction.CompletionOverdue))
            .OrderBy(s => s.At).ThenBy(s => s.Id).LastOrDefault();

    public static DateTimeOffset? DueAtOf(ReferralStatus status, DateTimeOffset acceptDueAt, DateTimeOffset completeDueAt) => status switch
    {
        ReferralStatus.Pending => acceptDueAt,
        ReferralStatus.Accepted => completeDueAt,
        _ => null,
    };

    /// <summary>Past the due time of its stage (the same rule as <see cref="Figures.ReferralFigures.OverdueAt"/>, in SQL).</summary>
    public bool IsOverdue(DateTimeOffset now) => DueAt is { } due && now > due;

    /// <summary>Makes a pending referral from input <see cref="ReferralRules"/> found valid.</summary>
    public static Referral Create(Guid childId, Actor sender, string toAgencyKey, Need need, ReferralUrgency urgency, string? note, DueTime due, DateTimeOffset now)
    {
        if (sender.AgencyKey == toAgencyKey)
        {
            var errors = new InputErrors();
            errors.Add("to", "Error.To.Self");
            errors.ThrowIfAny();
        }
        if (!NeedSet.Each.Contains(need))
        {
            throw new ArgumentOutOfRangeException(nameof(need), need, "A referral asks for exactly one need.");
        }
        var referral = new Referral
        {
            Id = Guid.CreateVersion7(now),
            ChildId = childId,
            FromAgencyKey = sender.AgencyKey,
            ToAgencyKey = toAgencyKey,
            Need = need,
            Urgency = urgency,
            Note = note?.Trim() ?? "",
            Status = ReferralStatus.Pending,
            CreatedAt = now,
            CreatedBy = sender.Person,
            AcceptDueAt = now + due.Accept,
            CompleteDueAt = now + due.Complete,
            Version = 1,
        };
        referral.AddStep(ReferralAction.Created, sender, now, referral.Note);
        return referral;
    }

    /// <summary>The statuses a person's action moves a referral from: the state machine, written once.</summary>
    public static IReadOnlyList<ReferralStatus> StatusesFor(ReferralAction action) => action switch
    {
        ReferralAction.Accepted or ReferralAction.Declined => [ReferralStatus.Pending],
        ReferralAction.Completed => [ReferralStatus.Accepted],
        ReferralAction.Withdrawn => [ReferralStatus.Pending, ReferralStatus.Accepted],
        _ => [],
    };

    /// <summary>
    /// Whether <paramref name="actor"/> may take <paramref name="action"/> on a referral in <paramref name="status"/>
    /// between these agencies: <see cref="Access.Rights.CanActOnReferral"/> and the state machine. The page offers
    /// exactly the actions this allows; the service refuses the rest.
    /// </summary>
    public static bool MayAct(Actor actor, ReferralAction action, ReferralStatus status, string fromAgencyKey, string toAgencyKey) =>
        Access.Rights.CanActOnReferral(actor, action, fromAgencyKey, toAgencyKey) && StatusesFor(action).Contains(status);

    /// <summary>Only the receiving agency accepts, declines and completes; only the sender withdraws (<see cref="Access.Rights.CanActOnReferral"/>).</summary>
    public void CheckAllowed(Actor actor, ReferralAction action)
    {
        if (Access.Rights.CanActOnReferral(actor, action, FromAgencyKey, ToAgencyKey))
        {
            return;
        }
        if (actor.Role is not (Access.Role.Lead or Access.Role.Liaison))
        {
            throw new ReferralNotAllowedException("Error.Forbidden", $"A {actor.Role} account does not act on referrals.");
        }
        throw action == ReferralAction.Withdrawn
            ? new ReferralNotAllowedException("Error.Referral.NotSender", $"Only {FromAgencyKey}, the sender, may withdraw this referral.")
            : new ReferralNotAllowedException("Error.Referral.NotReceiver", $"Only {ToAgencyKey} may act on this referral as its receiver.");
    }

    public void Accept(Actor actor, DateTimeOffset now)
    {
        Begin(actor, ReferralAction.Accepted);
        Status = ReferralStatus.Accepted;
        AcceptedAt = now;
        SecondsToAccept = Seconds(now - CreatedAt);
        Moved(ReferralAction.Accepted, actor, now, null);
    }

    public void Decline(Actor actor, string? reason, string? suggestedAgencyKey, DateTimeOffset now)
    {
        Begin(actor, ReferralAction.Declined);
        var why = ReferralRules.Reason(reason);
        var suggested = string.IsNullOrWhiteSpace(suggestedAgencyKey) ? null : suggestedAgencyKey.Trim();
        if (suggested == ToAgencyKey || suggested == FromAgencyKey)
        {
            var errors = new InputErrors();
            errors.Add("suggestedAgency", "Error.SuggestedAgency.Involved");
            errors.ThrowIfAny();
        }
        Status = ReferralStatus.Declined;
        ClosedAt = now;
        DeclineReason = why;
        SuggestedAgencyKey = suggested;
        Moved(ReferralAction.Declined, actor, now, why);
    }

    public void Complete(Actor actor, string? outcome, DateTimeOffset now)
    {
        Begin(actor, ReferralAction.Completed);
        var what = ReferralRules.Outcome(outcome);
        Status = ReferralStatus.Completed;
        ClosedAt = now;
        Outcome = what;
        SecondsToComplete = Seconds(now - CreatedAt);
        CompletedOnTime = now <= CompleteDueAt;
        Moved(ReferralAction.Completed, actor, now, what);
    }

    public void Withdraw(Actor actor, string? reason, DateTimeOffset now)
    {
        Begin(actor, ReferralAction.Withdrawn);
        var why = ReferralRules.Reason(reason);
        Status = ReferralStatus.Withdrawn;
        ClosedAt = now;
        WithdrawReason = why;
        Moved(ReferralAction.Withdrawn, actor, now, why);
    }

    /// <summary>
    /// Notes that the stage it is in went past its due time, once per stage: returns what it recorded
    /// (<see cref="ReferralAction.AcceptanceOverdue"/> or <see cref="ReferralAction.CompletionOverdue"/>),
    /// or null when there is nothing new to report. Not a transition: <see cref="Version"/> stays.
    /// </summary>
    public ReferralAction? MarkOverdue(DateTimeOffset now)
    {
        if (!IsOverdue(now))
        {
            return null;
        }
        if (Status == ReferralStatus.Pending && AcceptanceOverdueAt is null)
        {
            AcceptanceOverdueAt = now;
            AddStep(ReferralAction.AcceptanceOverdue, new Actor(ToAgencyKey, ReferralStep.BoardPerson), now, null);
            return ReferralAction.AcceptanceOverdue;
        }
        if (Status == ReferralStatus.Accepted && CompletionOverdueAt is null)
        {
            CompletionOverdueAt = now;
            AddStep(ReferralAction.CompletionOverdue, new Actor(ToAgencyKey, ReferralStep.BoardPerson), now, null);
            return ReferralAction.CompletionOverdue;
        }
        return null;
    }

    private void Begin(Actor actor, ReferralAction action)
    {
        CheckAllowed(actor, action);
        if (!StatusesFor(action).Contains(Status))
        {
            throw new ReferralStateException(Status, action);
        }
    }

    private void Moved(ReferralAction action, Actor actor, DateTimeOffset now, string? note)
    {
        Version++;
        AddStep(action, actor, now, note);
    }

    private void AddStep(ReferralAction action, Actor actor, DateTimeOffset now, string? note) =>
        _steps.Add(new ReferralStep(Id, action, actor.AgencyKey, actor.Person, now, note));

    private static long Seconds(TimeSpan span) => (long)Math.Max(0, span.TotalSeconds);
}
