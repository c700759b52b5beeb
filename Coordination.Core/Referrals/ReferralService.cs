using Microsoft.Extensions.Options;

namespace Coordination.Core.Referrals;

/// <summary>
/// Sends referrals and moves them through their states, each change with its board event in the same
/// transaction and published after commit. Reads see the child's name masked and take the actor: a township
/// supervisor reads its own township's children's referrals only, the wall and the administrator counts only
/// (<see cref="Rights.CanReadReferrals"/>). Only the receiver accepts, declines and completes; only the sender withdraws.
/// </summary>
public sealed class ReferralService(
    IDbContextFactory<CoordinationDbContext> dbFactory,
    IBoardNotifier notifier,
    BoardClock clock,
    IOptions<ReferralDueTimes> dueTimes)
{
    /// <summary>How many overdue referrals one pass of <see cref="MarkOverdueAsync"/> writes per transaction.</summary>
    public const int OverdueBatch = 100;

    /// <exception cref="InvalidInputException">The input breaks a rule; nothing was saved.</exception>
    public async Task<ReferralDetail> CreateAsync(Actor actor, NewReferral input, CancellationToken ct = default)
    {
        Access.Rights.Require(Access.Rights.CanCreateReferral(actor), "send referrals");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agencies = await db.Agencies.AsNoTracking().Select(a => a.Key).ToListAsync(ct);
        if (!agencies.Contains(actor.AgencyKey))
        {
            throw new DomainException("Error.Agency.Unknown", $"Unknown agency '{actor.AgencyKey}'.");
        }
        var errors = new InputErrors();
        ReferralRules.Check(input, actor.AgencyKey, agencies.Contains, errors);
        Child? child = null;
        if (input.ChildId is { } childId && childId != Guid.Empty)
        {
            child = await db.Children.AsNoTracking().FirstOrDefaultAsync(c => c.Id == childId, ct);
            if (child is null)
            {
                errors.Add("childId", NotFoundException.ChildCode);
            }
            else if (child.Status != ChildStatus.Active)
            {
                errors.Add("childId", "Error.Child.Closed");
            }
        }
        errors.ThrowIfAny();

        ReferralRules.TryParseNeed(input.Need, out var need);
        EnumKeys.TryParse<ReferralUrgency>(input.Urgency, out var urgency);
        var now = clock.Now;
        var referral = Referral.Create(child!.Id, actor, input.To!.Trim(), need, urgency, input.Note, dueTimes.Value.For(urgency), now);
        db.Referrals.Add(referral);
        var e = BoardEvent.ReferralChanged(BoardEventKinds.ReferralCreated, referral, actor.AgencyKey, child.TownshipKey, now);
        await db.SaveWithEventsAsync([e], actor, now, ct);
        notifier.Publish([e.ToMessage()]);
        return ReferralDetail.Of(referral, child.Name, child.TownshipKey, now);
    }

    public Task<ReferralDetail> AcceptAsync(Actor actor, Guid id, int expectedVersion, CancellationToken ct = default) =>
        TransitionAsync(actor, id, expectedVersion, ReferralAction.Accepted, BoardEventKinds.ReferralAccepted,
            (r, now) => r.Accept(actor, now), ct);

    public async Task<ReferralDetail> DeclineAsync(Actor actor, Guid id, int expectedVersion, string? reason, string? suggestedAgencyKey, CancellationToken ct = default)
    {
        if (!string.IsNullOrWhiteSpace(suggestedAgencyKey))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var key = suggestedAgencyKey.Trim();
            if (!await db.Agencies.AnyAsync(a => a.Key == key, ct))
            {
                var errors = new InputErrors();
                errors.Add("suggestedAgency", "Error.SuggestedAgency.Unknown");
                errors.ThrowIfAny();
            }
        }
        return await TransitionAsync(actor, id, expectedVersion, ReferralAction.Declined, BoardEventKinds.ReferralDeclined,
            (r, now) => r.Decline(actor, reason, suggestedAgencyKey, now), ct);
    }

    public Task<ReferralDetail> CompleteAsync(Actor actor, Guid id, int expectedVersion, string? outcome, CancellationToken ct = default) =>
        TransitionAsync(actor, id, expectedVersion, ReferralAction.Completed, BoardEventKinds.ReferralCompleted,
            (r, now) => r.Complete(actor, outcome, now), ct);

    public Task<ReferralDetail> WithdrawAsync(Actor actor, Guid id, int expectedVersion, string? reason, CancellationToken ct = default) =>
        TransitionAsync(actor, id, expectedVersion, ReferralAction.Withdrawn, BoardEventKinds.ReferralWithdrawn,
            (r, now) => r.Withdraw(actor, reason, now), ct);

    /// <summary>
    /// Loads the referral, checks the actor's right and the expected version, applies the action and saves
    /// it with its event. A stale version, or another writer committing first, is a
    /// <see cref="ReferralConflictException"/> that says what happened instead.
    /// </summary>
    private async Task<ReferralDetail> TransitionAsync(
        Actor actor, Guid id, int expectedVersion, ReferralAction action, string kind, Action<Referral, DateTimeOffset> apply, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var referral = await db.Referrals.Include(r => r.Steps).FirstOrDefaultAsync(r => r.Id == id, ct)
            ?? throw new ReferralNotFoundException(id);
        referral.CheckAllowed(actor, action);
        if (referral.Version != expectedVersion)
        {
            throw ReferralConflictException.Of(referral);
        }
        var child = await db.Children.AsNoTracking().Where(c => c.Id == referral.ChildId)
            .Select(c => new { c.Name, c.TownshipKey }).FirstAsync(ct);
        var now = clock.Now;
        apply(referral, now);
        var e = BoardEvent.ReferralChanged(kind, referral, actor.AgencyKey, child.TownshipKey, now);
        try
        {
            await db.SaveWithEventsAsync([e], actor, now, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another liaison committed first: tell this one what they did.
            await using var fresh = await dbFactory.CreateDbContextAsync(ct);
            var current = await fresh.Referrals.AsNoTracking().Include(r => r.Steps).FirstAsync(r => r.Id == id, ct);
            throw ReferralConflictException.Of(current);
        }
        notifier.Publish([e.ToMessage()]);
        return ReferralDetail.Of(referral, child.Name, child.TownshipKey, now);
    }

    /// <summary>The referrals the query asks for: open ones first, then by urgency, newest first.</summary>
    public async Task<IReadOnlyList<ReferralView>> ListAsync(Actor actor, ReferralQuery query, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanReadReferrals(actor), "read referrals");
        var confinedTo = Rights.ConfinedTo(actor);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.Now;
        var referrals = db.Referrals.AsNoTracking();
        if (query.FromAgency is { } from)
        {
            referrals = referrals.Where(r => r.FromAgencyKey == from);
        }
        if (query.ToAgency is { } to)
        {
            referrals = referrals.Where(r => r.ToAgencyKey == to);
        }
        if (query.Status is { } status)
        {
            referrals = referrals.Where(r => r.Status == status);
        }
        if (query.ChildId is { } childId)
        {
            referrals = referrals.Where(r => r.ChildId == childId);
        }
        if (query.Overdue is { } overdue)
        {
            var rule = ReferralFigures.OverdueAt(now);
            referrals = overdue
                ? referrals.Where(rule)
                : referrals.Where(System.Linq.Expressions.Expression.Lambda<Func<Referral, bool>>(
                    System.Linq.Expressions.Expression.Not(rule.Body), rule.Parameters));
        }
        var rows = await (
                from r in referrals
                join c in db.Children on r.ChildId equals c.Id
                where confinedTo == null || c.TownshipKey == confinedTo
                orderby (r.Status == ReferralStatus.Pending || r.Status == ReferralStatus.Accepted ? 0 : 1), r.Urgency, r.CreatedAt descending
                select new { Referral = r, c.Name, c.TownshipKey })
            .Take(Math.Clamp(query.Limit, 1, ReferralQuery.MaxLimit))
            .ToListAsync(ct);
        return rows.Select(x => ReferralView.Of(x.Referral, x.Name, x.TownshipKey, now)).ToList();
    }

    /// <summary>One referral with its history, or null.</summary>
    public async Task<ReferralDetail?> DetailAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanReadReferrals(actor), "read referrals");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var row = await (
                from r in db.Referrals.AsNoTracking().Include(r => r.Steps)
                join c in db.Children on r.ChildId equals c.Id
                where r.Id == id
                select new { Referral = r, c.Name, c.TownshipKey })
            .FirstOrDefaultAsync(ct);
        if (row is null)
        {
            return null;
        }
        Rights.Require(Rights.CanReadReferral(actor, row.TownshipKey), "read this child's referrals");
        return ReferralDetail.Of(row.Referral, row.Name, row.TownshipKey, clock.Now);
    }

    /// <summary>A child's referrals with their histories, for the profile and the timeline: open ones first, then newest first.</summary>
    public async Task<IReadOnlyList<ReferralDetail>> ForChildAsync(Actor actor, Guid childId, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanReadReferrals(actor), "read referrals");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var child = await db.Children.AsNoTracking().Where(c => c.Id == childId).Select(c => new { c.Name, c.TownshipKey }).FirstOrDefaultAsync(ct);
        if (child is null)
        {
            return [];
        }
        Rights.Require(Rights.CanReadReferral(actor, child.TownshipKey), "read this child's referrals");
        var referrals = await db.Referrals.AsNoTracking().Include(r => r.Steps)
            .Where(r => r.ChildId == childId)
            .OrderBy(r => r.Status == ReferralStatus.Pending || r.Status == ReferralStatus.Accepted ? 0 : 1)
            .ThenByDescending(r => r.CreatedAt)
            .ToListAsync(ct);
        var now = clock.Now;
        return referrals.Select(r => ReferralDetail.Of(r, child.Name, child.TownshipKey, now)).ToList();
    }

    /// <summary>An agency's inbox and outbox counts, as the referrals page's tabs show them: city-wide aggregates.</summary>
    public async Task<ReferralBoxCounts> CountsAsync(Actor actor, string agencyKey, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanReadAggregates(actor), "read referral counts");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = clock.Now;
        var inbox = await ReferralFigures.ByReceiverAsync(db, now, ct);
        var outbox = await ReferralFigures.BySenderAsync(db, now, ct);
        return new ReferralBoxCounts(
            inbox.GetValueOrDefault(agencyKey) ?? AgencyReferralCounts.None,
            outbox.GetValueOrDefault(agencyKey) ?? AgencyReferralCounts.None);
    }

    /// <summary>
    /// Records every referral that went past the due time of its stage and was not yet reported, with one
    /// <c>referral.overdue</c> board event each: however often it runs, each becoming-overdue is reported
    /// once. Returns how many it reported. Called by the board's overdue watch; tests call it after moving time.
    /// </summary>
    public async Task<int> MarkOverdueAsync(CancellationToken ct = default)
    {
        var reported = 0;
        for (var attempt = 0; attempt < 5;)
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var now = clock.Now;
            var due = await db.Referrals.Include(r => r.Steps)
                .Where(ReferralFigures.OverdueAt(now))
                .Where(r => (r.Status == ReferralStatus.Pending && r.AcceptanceOverdueAt == null)
                    || (r.Status == ReferralStatus.Accepted && r.CompletionOverdueAt == null))
                .OrderBy(r => r.CreatedAt)
                .Take(OverdueBatch)
                .ToListAsync(ct);
            if (due.Count == 0)
            {
                return reported;
            }
            var childIds = due.Select(r => r.ChildId).Distinct().ToList();
            var townships = await db.Children.AsNoTracking().Where(c => childIds.Contains(c.Id))
                .ToDictionaryAsync(c => c.Id, c => c.TownshipKey, ct);
            var events = new List<BoardEvent>(due.Count);
            foreach (var referral in due)
            {
                if (referral.MarkOverdue(now) is { } stage)
                {
                    events.Add(BoardEvent.ReferralChanged(
                        BoardEventKinds.ReferralOverdue, referral, referral.ToAgencyKey, townships.GetValueOrDefault(referral.ChildId), now,
                        stage == ReferralAction.AcceptanceOverdue ? ReferralEventDetail.AcceptanceStage : ReferralEventDetail.CompletionStage));
                }
            }
            try
            {
                await db.SaveWithEventsAsync(events, null, now, ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                // A liaison moved one of them meanwhile: look again with what is now true.
                attempt++;
                continue;
            }
            notifier.Publish(events.Select(e => e.ToMessage()).ToArray());
            reported += events.Count;
            if (due.Count < OverdueBatch)
            {
                return reported;
            }
        }
        return reported;
    }
}
