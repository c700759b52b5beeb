namespace Coordination.Core.Children;

/// <summary>The register: finding, listing and opening children, correcting, closing and merging records.</summary>
public sealed class ChildService(
    IDbContextFactory<CoordinationDbContext> dbFactory,
    IBoardNotifier notifier,
    BoardClock clock)
{
    /// <summary>
    /// Children whose name contains <paramref name="text"/>, or, for a caller who may search by resident ID,
    /// the child whose whole resident ID it is. Active children only; at most <paramref name="limit"/>.
    /// </summary>
    public async Task<IReadOnlyList<ChildMatch>> FindAsync(Actor actor, string text, int limit = 10, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanListChildren(actor), "search the register");
        var q = (text ?? "").Trim();
        if (q.Length == 0)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await MatchesAsync(Search(actor, Visible(actor, db.Children.AsNoTracking()).Where(c => c.Status == ChildStatus.Active), q)
            .OrderBy(c => c.Name).Take(limit), ct);
    }

    /// <summary>Active children with the same name, birth date and township: probably the same child.</summary>
    public async Task<IReadOnlyList<ChildMatch>> FindNearDuplicatesAsync(Actor actor, string? name, DateOnly? birthDate, string? township, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanListChildren(actor), "search the register");
        if (string.IsNullOrWhiteSpace(name) || birthDate is null || string.IsNullOrWhiteSpace(township))
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await NearDuplicatesAsync(db, actor, name, birthDate.Value, township, ct);
    }

    /// <summary>
    /// The near-duplicate rule, written once: active children the actor may see with the same name, birth date and
    /// township. Used by the intake form's live offer and by <see cref="Screenings.ScreeningService"/> before it
    /// registers a child.
    /// A child with <paramref name="residentId"/> itself is never a near duplicate of it: it is the same child (one that
    /// another request registered a moment ago, between the caller's look-up by resident ID and this one).
    /// </summary>
    internal static Task<IReadOnlyList<ChildMatch>> NearDuplicatesAsync(CoordinationDbContext db, Actor actor, string name, DateOnly birthDate, string township, CancellationToken ct, string? residentId = null)
    {
        var n = name.Trim();
        var t = township.Trim();
        var children = Visible(actor, db.Children.AsNoTracking())
            .Where(c => c.Status == ChildStatus.Active && c.Name == n && c.BirthDate == birthDate && c.TownshipKey == t);
        return MatchesAsync(residentId is null ? children : children.Where(c => c.ResidentId != residentId), ct);
    }

    /// <summary>Children as a search shows them: only the fields needed, the resident ID masked.</summary>
    private static async Task<IReadOnlyList<ChildMatch>> MatchesAsync(IQueryable<Child> children, CancellationToken ct)
    {
        var found = await children
            .Select(c => new { c.Id, c.Name, c.ResidentId, c.Sex, c.BirthDate, c.TownshipKey, c.Risk })
            .ToListAsync(ct);
        return found.Select(c => new ChildMatch(c.Id, c.Name, ResidentId.Mask(c.ResidentId), c.Sex, c.BirthDate, c.TownshipKey, c.Risk)).ToList();
    }

    /// <summary>One page of the register, filtered, ordered and counted in SQL.</summary>
    public async Task<ChildPage> ListAsync(Actor actor, ChildQuery query, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanListChildren(actor), "list the register");
        var size = Math.Clamp(query.PageSize, 1, ChildQuery.MaxPageSize);
        var page = Math.Max(0, query.Page);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var children = Visible(actor, db.Children.AsNoTracking());
        children = query.Status is { } status ? children.Where(c => c.Status == status) : children.Where(c => c.Status != ChildStatus.Merged);
        if (!string.IsNullOrWhiteSpace(query.Township))
        {
            children = children.Where(c => c.TownshipKey == query.Township);
        }
        if (query.Category is { } category)
        {
            children = children.Where(c => db.ChildCategories.Any(e => e.ChildId == c.Id && e.Category == category));
        }
        if (query.MinRisk is { } risk)
        {
            children = children.Where(c => c.Risk >= risk);
        }
        if (!string.IsNullOrWhiteSpace(query.Agency))
        {
            var agency = query.Agency;
            children = children.Where(c => c.RegisteredBy == agency
                || db.Screenings.Any(s => s.ChildId == c.Id && s.AgencyKey == agency)
                || db.AssistanceRecords.Any(a => a.ChildId == c.Id && a.AgencyKey == agency));
        }
        if (!string.IsNullOrWhiteSpace(query.Text))
        {
            children = Search(actor, children, query.Text.Trim());
        }

        var total = await children.CountAsync(ct);
        var ordered = (query.Sort, query.Descending) switch
        {
            (ChildSort.Name, false) => children.OrderBy(c => c.Name).ThenBy(c => c.Id),
            (ChildSort.Name, true) => children.OrderByDescending(c => c.Name).ThenBy(c => c.Id),
            (ChildSort.BirthDate, false) => children.OrderBy(c => c.BirthDate).ThenBy(c => c.Id),
            (ChildSort.BirthDate, true) => children.OrderByDescending(c => c.BirthDate).ThenBy(c => c.Id),
            (ChildSort.Township, false) => children.OrderBy(c => c.TownshipKey).ThenBy(c => c.Name),
            (ChildSort.Township, true) => children.OrderByDescending(c => c.TownshipKey).ThenBy(c => c.Name),
            (ChildSort.LastScreened, false) => children.OrderBy(c => c.LastScreenedOn).ThenBy(c => c.Id),
            (ChildSort.LastScreened, true) => children.OrderByDescending(c => c.LastScreenedOn).ThenBy(c => c.Id),
            (ChildSort.Registered, false) => children.OrderBy(c => c.Id),
            (ChildSort.Registered, true) => children.OrderByDescending(c => c.Id),
            (_, false) => children.OrderBy(c => c.Risk).ThenBy(c => c.Name),
            _ => children.OrderByDescending(c => c.Risk).ThenByDescending(c => c.LastScreenedOn).ThenBy(c => c.Id),
        };
        var rows = await ordered.Skip(page * size).Take(size)
            .Select(c => new
            {
                c.Id, c.Name, c.ResidentId, c.Sex, c.BirthDate, c.TownshipKey, c.Risk, c.Status, c.LastScreenedOn,
                Village = db.Villages.Where(v => v.Id == c.VillageId).Select(v => v.Name).FirstOrDefault(),
                Categories = db.ChildCategories.Where(e => e.ChildId == c.Id).Select(e => e.Category).ToList(),
            })
            .ToListAsync(ct);
        var soon = clock.Today.AddMonths(1);
        return new ChildPage(
            rows.Select(r => new ChildRow(r.Id, r.Name, ResidentId.Mask(r.ResidentId), r.Sex, r.BirthDate, r.TownshipKey, r.Village, r.Risk, r.Status,
                r.LastScreenedOn, r.Categories.Order().ToList(), r.Status == ChildStatus.Active && r.BirthDate.AddYears(18) <= soon)).ToList(),
            total, page, size);
    }

    /// <summary>
    /// The profile: the record, its risk with reasons, and the timeline across all agencies, newest first.
    /// Opening it is recorded in the audit trail (<paramref name="audit"/>: false for a refresh of an open profile).
    /// </summary>
    public async Task<ChildProfile?> GetProfileAsync(Actor actor, Guid id, bool audit = true, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanListChildren(actor), "open children's files");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var child = await db.Children.AsNoTracking().Include(c => c.Categories).FirstOrDefaultAsync(c => c.Id == id, ct);
        if (child is null)
        {
            return null;
        }
        Rights.Require(Rights.CanViewChild(actor, child.TownshipKey), "open this child's file");
        if (audit)
        {
            db.AuditEntries.Add(AuditEntry.Of(actor, AuditActions.ChildViewed, clock.Now, nameof(Child), id.ToString()));
            await db.SaveChangesAsync(ct);
        }
        var village = child.VillageId is { } vid ? await db.Villages.Where(v => v.Id == vid).Select(v => v.Name).FirstOrDefaultAsync(ct) : null;
        var screenings = await db.Screenings.AsNoTracking().Where(s => s.ChildId == id).OrderByDescending(s => s.Date).ThenByDescending(s => s.RecordedAt).ToListAsync(ct);
        var assistance = await db.AssistanceRecords.AsNoTracking().Where(a => a.ChildId == id).OrderByDescending(a => a.Date).ToListAsync(ct);
        var ids = await db.Children.Where(c => c.MergedIntoId == id).Select(c => c.Id).ToListAsync(ct);
        ids.Add(id);
        var events = await db.BoardEvents.AsNoTracking()
            .Where(e => e.ChildId != null && ids.Contains(e.ChildId.Value) && e.Kind != BoardEventKinds.ScreeningRecorded && e.Kind != BoardEventKinds.AssistanceRecorded)
            .OrderByDescending(e => e.Sequence)
            .ToListAsync(ct);
        var timeline = screenings.Select(s => new TimelineEntry(s.RecordedAt, s.AgencyKey, s, null, null))
            .Concat(assistance.Select(a => new TimelineEntry(a.RecordedAt, a.AgencyKey, null, a, null)))
            .Concat(events.Select(e => new TimelineEntry(e.OccurredAt, e.AgencyKey, null, null, e.ToMessage())))
            .OrderByDescending(t => t.Date).ThenByDescending(t => t.At)
            .ToList();
        var risk = RiskRules.Assess(child, screenings, clock.Today);
        return new ChildProfile(child, village, risk, screenings, assistance, timeline);
    }

    /// <summary>The full resident ID, for those whose work needs it; every reveal is in the audit trail.</summary>
    public async Task<string> RevealResidentIdAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanRevealResidentId(actor), "reveal resident IDs");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var child = await db.Children.AsNoTracking().Where(c => c.Id == id).Select(c => new { c.ResidentId, c.TownshipKey }).FirstOrDefaultAsync(ct)
            ?? throw NotFoundException.Child(id);
        Rights.Require(Rights.CanViewChild(actor, child.TownshipKey), "open this child's file");
        db.AuditEntries.Add(AuditEntry.Of(actor, AuditActions.ResidentIdRevealed, clock.Now, nameof(Child), id.ToString()));
        await db.SaveChangesAsync(ct);
        return child.ResidentId;
    }

    /// <summary>Corrects identity and details; the same resident ID may not belong to another record.</summary>
    public async Task<long> UpdateAsync(Actor actor, Guid id, UpdateChild input, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanEditChild(actor), "correct children's records");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var child = await db.Children.Include(c => c.Categories).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw NotFoundException.Child(id);
        if (input.Version is { } expected && child.Version != expected)
        {
            throw await ConflictAsync(id, ct);
        }
        var errors = new InputErrors();
        var today = clock.Today;
        var township = input.Identity.Township?.Trim() ?? "";
        var townshipKnown = township.Length > 0 && await db.Townships.AnyAsync(t => t.Key == township, ct);
        var categoriesAsBefore = input.Identity with { Categories = input.Identity.Categories ?? child.Categories.Select(c => c.Category.Key()).ToList() };
        ChildRules.Check(categoriesAsBefore, "", today, _ => townshipKnown, errors);
        var village = await VillageAsync(db, township, input.Details.Village, ct);
        ChildRules.CheckDetails(input.Details, "", _ => village is not null, errors);
        if (!errors.Has("residentId"))
        {
            var rid = ResidentId.Normalize(input.Identity.ResidentId);
            if (await db.Children.AnyAsync(c => c.ResidentId == rid && c.Id != id, ct))
            {
                errors.Add("residentId", "Error.ResidentId.Taken");
            }
        }
        errors.ThrowIfAny();

        child.CorrectIdentity(input.Identity);
        child.SetDetails(input.Details, village?.Id);
        child.Changed();
        foreach (var key in input.Identity.Categories ?? [])
        {
            EnumKeys.TryParse<ChildCategory>(key, out var category);
            child.Enrol(category, today, actor.AgencyKey);
        }
        await ChildRisk.RefreshAsync(db, child, today, ct);
        return await SaveAsync(db, BoardEvent.ChildChanged(BoardEventKinds.ChildUpdated, child, actor, clock.Now), actor, ct);
    }

    public async Task<long> CloseAsync(Actor actor, Guid id, ClosureReason reason, string? note, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanCloseChild(actor), "close files");
        var errors = new InputErrors();
        TextRules.Check(note, ChildRules.ClosureNoteMaxLength, "note", errors, multiline: true);
        errors.ThrowIfAny();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var child = await db.Children.FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw NotFoundException.Child(id);
        child.Close(reason, clock.Today, note);
        child.Changed();
        return await SaveAsync(db, BoardEvent.ChildChanged(BoardEventKinds.ChildClosed, child, actor, clock.Now, reason.Key()), actor, ct);
    }

    public async Task<long> ReopenAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanCloseChild(actor), "reopen files");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var child = await db.Children.Include(c => c.Categories).FirstOrDefaultAsync(c => c.Id == id, ct)
            ?? throw NotFoundException.Child(id);
        child.Reopen();
        child.Changed();
        await ChildRisk.RefreshAsync(db, child, clock.Today, ct);
        return await SaveAsync(db, BoardEvent.ChildChanged(BoardEventKinds.ChildReopened, child, actor, clock.Now), actor, ct);
    }

    /// <summary>
    /// Merges the record <paramref name="duplicateId"/> into <paramref name="keptId"/> (civil affairs' lead only):
    /// every screening, assistance record and referral of the duplicate moves to the kept record; the duplicate stays
    /// only as a pointer to it. The event log is history and is not rewritten: the kept record's timeline
    /// reads the events of the records merged into it.
    /// </summary>
    public async Task<long> MergeAsync(Actor actor, Guid keptId, Guid duplicateId, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanMerge(actor), "merge records", "Error.Merge.CivilAffairsOnly");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var kept = await db.Children.Include(c => c.Categories).FirstOrDefaultAsync(c => c.Id == keptId, ct)
            ?? throw NotFoundException.Child(keptId);
        var duplicate = await db.Children.Include(c => c.Categories).FirstOrDefaultAsync(c => c.Id == duplicateId, ct)
            ?? throw NotFoundException.Child(duplicateId);
        duplicate.MergeInto(kept);
        duplicate.Changed();
        kept.Changed();

        var screenings = await db.Screenings.Where(s => s.ChildId == duplicateId || s.ChildId == keptId).ToListAsync(ct);
        foreach (var s in screenings.Where(s => s.ChildId == duplicateId))
        {
            s.MoveTo(keptId);
        }
        var assistance = await db.AssistanceRecords.Where(a => a.ChildId == duplicateId).ToListAsync(ct);
        foreach (var a in assistance)
        {
            a.MoveTo(keptId);
        }
        var referrals = await db.Referrals.Where(r => r.ChildId == duplicateId).ToListAsync(ct);
        foreach (var r in referrals)
        {
            r.MoveTo(keptId);
        }
        var today = clock.Today;
        kept.ApplyRisk(RiskRules.Assess(kept, screenings, today).Level, today);
        return await SaveAsync(db, BoardEvent.ChildMerged(kept, duplicate, actor, clock.Now), actor, ct);
    }

    /// <summary>Re-derives every active child's stored risk for today: screenings age out of the 12-month window.</summary>
    public async Task<int> RefreshRisksAsync(CancellationToken ct = default)
    {
        var today = clock.Today;
        var since = today.AddMonths(-RiskRules.WindowMonths);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var children = await db.Children.Include(c => c.Categories).Where(c => c.Status == ChildStatus.Active).ToListAsync(ct);
        var screenings = (await db.Screenings.AsNoTracking().Where(s => s.Date > since).ToListAsync(ct)).ToLookup(s => s.ChildId);
        var changed = 0;
        foreach (var child in children)
        {
            var level = RiskRules.Assess(child, screenings[child.Id], today).Level;
            if (level != child.Risk)
            {
                child.ApplyRisk(level, today);
                changed++;
            }
        }
        await db.SaveAuditedAsync(null, clock.Now, ct);
        return changed;
    }

    private async Task<long> SaveAsync(CoordinationDbContext db, BoardEvent evt, Actor actor, CancellationToken ct)
    {
        try
        {
            await db.SaveWithEventsAsync([evt], actor, clock.Now, ct);
        }
        catch (DbUpdateConcurrencyException ex)
        {
            // Another person changed (or merged) the record after it was read here: theirs stands, this one is refused.
            var changed = ex.Entries.Select(e => e.Entity).OfType<Child>().Select(c => c.Id).FirstOrDefault(evt.ChildId ?? Guid.Empty);
            throw await ConflictAsync(changed, ct);
        }
        notifier.Publish([evt.ToMessage()]);
        return evt.Sequence;
    }

    /// <summary>The record's version now and who last changed it (from the audit trail), for a refused stale edit.</summary>
    private async Task<ChildConflictException> ConflictAsync(Guid id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var version = await db.Children.AsNoTracking().Where(c => c.Id == id).Select(c => c.Version).FirstOrDefaultAsync(ct);
        var subject = id.ToString();
        var last = await db.AuditEntries.AsNoTracking()
            .Where(a => a.Subject == nameof(Child) && a.SubjectId == subject && a.Action == AuditActions.Updated && a.Fields != null && a.Fields.Contains(nameof(Child.Version)))
            .OrderByDescending(a => a.Id)
            .Select(a => new { a.AgencyKey, a.Who, a.At })
            .FirstOrDefaultAsync(ct);
        return new ChildConflictException(id, version, last?.AgencyKey, last?.Who, last?.At);
    }

    internal static async Task<Village?> VillageAsync(CoordinationDbContext db, string township, string? name, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }
        var n = name.Trim();
        return await db.Villages.AsNoTracking().FirstOrDefaultAsync(v => v.TownshipKey == township && v.Name == n, ct);
    }

    /// <summary>A township supervisor sees the children of its own township only; everyone else who may list, all.</summary>
    private static IQueryable<Child> Visible(Actor actor, IQueryable<Child> children) =>
        actor.Role == Role.Township ? children.Where(c => c.TownshipKey == actor.TownshipKey) : children;

    /// <summary>
    /// By name, or by the whole resident ID for those who may search by it (<see cref="Rights.CanSearchByResidentId"/>).
    /// No search by part of a number: a tail that answers tells its digits, and the region, birth date and sex
    /// shown beside the mask give the rest. For anyone else a number is only name text: it finds no one, whether
    /// it is a child's or not.
    /// </summary>
    private static IQueryable<Child> Search(Actor actor, IQueryable<Child> children, string q)
    {
        if (Rights.CanSearchByResidentId(actor) && ResidentId.IsValid(q))
        {
            var id = ResidentId.Normalize(q);
            return children.Where(c => c.ResidentId == id);
        }
        return children.Where(c => c.Name.Contains(q));
    }

    /// <summary>The child with this id as a search would show it, or null (closed files too: the caller decides).</summary>
    public async Task<ChildMatch?> FindByIdAsync(Actor actor, Guid id, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanListChildren(actor), "search the register");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await MatchesAsync(Visible(actor, db.Children.AsNoTracking()).Where(c => c.Id == id), ct)).SingleOrDefault();
    }
}
