namespace Coordination.Core.Figures;

/// <summary>
/// 提交与锁定 — the DHIS2 data-approval pattern for a quarter: each agency's lead enters its reported figures and
/// submits its part; civil affairs' lead locks the quarter once all four submitted, which stores the figures as
/// they stand; the administrator alone unlocks, with a reason, audited. Every step is a board event, so every
/// open figures page follows it live. A refused step changes nothing.
/// </summary>
public sealed class FiguresSignOffService(
    IDbContextFactory<CoordinationDbContext> dbFactory,
    FiguresService figures,
    IBoardNotifier notifier,
    BoardClock clock)
{
    public const int UnlockReasonMaxLength = 500;

    /// <summary>Where the quarter stands: every agency may read it (the wall too: it names no child).</summary>
    public async Task<QuarterSignOff> StateAsync(Actor actor, Quarter quarter, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanReadFigures(actor), "read the figures");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await SignOffQueries.StateAsync(db, quarter, ct);
    }

    /// <summary>The agency's lead submits its part of a finished quarter.</summary>
    public async Task<long> SubmitAsync(Actor actor, Quarter quarter, string agencyKey, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanSubmitFigures(actor, agencyKey), "submit another agency's figures");
        KnownAgency(agencyKey);
        if (quarter.CompareTo(figures.LastFinishedQuarter) > 0)
        {
            throw new DomainException("Error.Figures.QuarterNotFinished", $"{quarter} has not ended yet.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RefuseIfLockedAsync(db, quarter, ct);
        if (await db.AgencySubmissions.AnyAsync(s => s.Quarter == quarter && s.AgencyKey == agencyKey, ct))
        {
            throw new DomainException("Error.Figures.AlreadySubmitted", $"{agencyKey} already submitted {quarter}.");
        }
        var now = clock.Now;
        db.AgencySubmissions.Add(AgencySubmission.Of(quarter, agencyKey, actor, now));
        return await SaveAsync(db, BoardEventKinds.FiguresSubmitted, AuditActions.FiguresSubmitted, quarter, actor, agencyKey + "/" + quarter, ct);
    }

    /// <summary>The agency's lead takes its submission back (to correct its reported figures) while the quarter is not locked.</summary>
    public async Task<long> WithdrawAsync(Actor actor, Quarter quarter, string agencyKey, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanSubmitFigures(actor, agencyKey), "withdraw another agency's submission");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RefuseIfLockedAsync(db, quarter, ct);
        var submission = await db.AgencySubmissions.FirstOrDefaultAsync(s => s.Quarter == quarter && s.AgencyKey == agencyKey, ct)
            ?? throw new DomainException("Error.Figures.NotSubmitted", $"{agencyKey} has not submitted {quarter}.");
        db.AgencySubmissions.Remove(submission);
        return await SaveAsync(db, BoardEventKinds.FiguresWithdrawn, AuditActions.FiguresWithdrawn, quarter, actor, agencyKey + "/" + quarter, ct);
    }

    /// <summary>Civil affairs' lead locks the quarter once all four agencies submitted: the figures as they stand are stored.</summary>
    public async Task<long> LockAsync(Actor actor, Quarter quarter, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanLockFigures(actor), "lock a quarter");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RefuseIfLockedAsync(db, quarter, ct);
        var submitted = await db.AgencySubmissions.Where(s => s.Quarter == quarter).Select(s => s.AgencyKey).ToListAsync(ct);
        if (IndicatorCatalogue.AgencyOrder.Except(submitted).Any())
        {
            throw new DomainException("Error.Figures.NotAllSubmitted", $"Not every agency has submitted {quarter}.");
        }
        // Computed in the same database state the lock is written to; a record that lands in between shows up
        // afterwards as a difference against the stored values, never inside them unseen.
        var table = await figures.LiveAsync(db, quarter, ct);
        db.QuarterLocks.Add(QuarterLock.Of(table, actor, clock.Now));
        try
        {
            return await SaveAsync(db, BoardEventKinds.FiguresLocked, AuditActions.FiguresLocked, quarter, actor, quarter.ToString(), ct);
        }
        catch (DbUpdateException)
        {
            // Another lead's lock won the race: the unique index on a quarter's lock in force refused this one.
            throw new DomainException("Error.Figures.Locked", $"{quarter} is locked.");
        }
    }

    /// <summary>The administrator unlocks a quarter, saying why; the stored values stay as history.</summary>
    public async Task<long> UnlockAsync(Actor actor, Quarter quarter, string? reason, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanUnlockFigures(actor), "unlock a quarter");
        var errors = new InputErrors();
        if (string.IsNullOrWhiteSpace(reason))
        {
            errors.Add("reason", "Error.Figures.UnlockReasonRequired");
        }
        else
        {
            TextRules.Check(reason, UnlockReasonMaxLength, "reason", errors, multiline: true);
        }
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quarterLock = await db.QuarterLocks.FirstOrDefaultAsync(l => l.Quarter == quarter && l.UnlockedAt == null, ct)
            ?? throw new DomainException("Error.Figures.NotLocked", $"{quarter} is not locked.");
        quarterLock.Unlock(actor, reason!.Trim(), clock.Now);
        return await SaveAsync(db, BoardEventKinds.FiguresUnlocked, AuditActions.FiguresUnlocked, quarter, actor, quarter.ToString(), ct);
    }

    /// <summary>
    /// The agency's lead enters its reported figures (text as typed: an empty field clears the value) and its
    /// remark. Refused with the reason for a locked quarter or one the agency has submitted; bad fields are
    /// named one by one. Nothing is written unless everything is right.
    /// </summary>
    public async Task<long?> EnterReportedAsync(Actor actor, Quarter quarter, string agencyKey, IReadOnlyDictionary<string, string?> values, string? remark, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanEnterReportedFigures(actor, agencyKey), "enter another agency's figures");
        KnownAgency(agencyKey);
        if (quarter.CompareTo(figures.CurrentQuarter) > 0)
        {
            var future = new InputErrors();
            future.Add("quarter", "Error.Quarter.Future");
            throw new InvalidInputException(future);
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await RefuseIfLockedAsync(db, quarter, ct);
        if (await db.AgencySubmissions.AnyAsync(s => s.Quarter == quarter && s.AgencyKey == agencyKey, ct))
        {
            throw new DomainException("Error.Figures.Submitted", $"{agencyKey} submitted {quarter}; withdraw it first.");
        }
        var errors = new InputErrors();
        var parsed = ReportedFiguresRules.Check(agencyKey, values, remark, errors);
        errors.ThrowIfAny();

        var existing = await db.ReportedFigures.Where(r => r.Quarter == quarter && r.AgencyKey == agencyKey).ToListAsync(ct);
        var now = clock.Now;
        var changed = false;
        ReportedFigure Row(string key)
        {
            if (existing.FirstOrDefault(r => r.Key == key) is { } row)
            {
                return row;
            }
            row = ReportedFigure.Of(quarter, agencyKey, key, actor, now);
            db.ReportedFigures.Add(row);
            existing.Add(row);
            return row;
        }
        foreach (var (key, value) in parsed)
        {
            changed |= Row(key).Set(value, null, actor, now);
        }
        var text = string.IsNullOrWhiteSpace(remark) ? null : remark.Trim();
        if (text is not null || existing.Any(r => r.Key == ReportedFigure.RemarkKey))
        {
            changed |= Row(ReportedFigure.RemarkKey).Set(null, text, actor, now);
        }
        if (!changed)
        {
            return null;
        }
        return await SaveAsync(db, BoardEventKinds.FiguresReported, AuditActions.FiguresReported, quarter, actor, agencyKey + "/" + quarter, ct);
    }

    private static void KnownAgency(string agencyKey)
    {
        if (!IndicatorCatalogue.AgencyOrder.Contains(agencyKey))
        {
            throw new DomainException("Error.Figures.UnknownAgency", $"{agencyKey} is not one of the four agencies.");
        }
    }

    private static async Task RefuseIfLockedAsync(CoordinationDbContext db, Quarter quarter, CancellationToken ct)
    {
        if (await db.QuarterLocks.AnyAsync(l => l.Quarter == quarter && l.UnlockedAt == null, ct))
        {
            throw new DomainException("Error.Figures.Locked", $"{quarter} is locked.");
        }
    }

    private async Task<long> SaveAsync(CoordinationDbContext db, string kind, string action, Quarter quarter, Actor actor, string subjectId, CancellationToken ct)
    {
        var now = clock.Now;
        db.AuditEntries.Add(AuditEntry.Of(actor, action, now, "Quarter", subjectId));
        var evt = BoardEvent.FiguresChanged(kind, quarter, actor.AgencyKey, now);
        await db.SaveWithEventsAsync([evt], actor, now, ct);
        notifier.Publish([evt.ToMessage()]);
        return evt.Sequence;
    }
}
