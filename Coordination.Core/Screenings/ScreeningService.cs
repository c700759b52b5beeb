namespace Coordination.Core.Screenings;

/// <summary>Records screenings; a screening of a child not yet on the register registers the child.</summary>
public sealed class ScreeningService(
    IDbContextFactory<CoordinationDbContext> dbFactory,
    IBoardNotifier notifier,
    BoardClock clock)
{
    /// <exception cref="InvalidInputException">The input breaks a rule; nothing was saved.</exception>
    /// <exception cref="ResidentIdRegisteredException">A new child's resident ID belongs to a registered child of another name.</exception>
    /// <exception cref="NearDuplicateException">A new child may be one on the register and the caller has not said it is not.</exception>
    public async Task<ScreeningRecorded> RecordAsync(Actor actor, RecordScreening input, CancellationToken ct = default)
    {
        try
        {
            return await RecordOnceAsync(actor, input, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The child's record was corrected between reading it and saving the screening: read it again.
            return await RecordOnceAsync(actor, input, ct);
        }
        catch (DbUpdateException ex) when (input.NewChild is not null && Database.IsUniqueViolation(ex))
        {
            // Another request registered the same resident ID a moment ago: that child is now on the register,
            // and the same resident ID is always the same child. Run again: this time it is found.
            return await RecordOnceAsync(actor, input, ct);
        }
    }

    private async Task<ScreeningRecorded> RecordOnceAsync(Actor actor, RecordScreening input, CancellationToken ct)
    {
        Rights.Require(Rights.CanScreen(actor), "record screenings");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var agency = await AgencyOfAsync(db, actor, ct);
        var now = clock.Now;
        var staged = await StageAsync(db, actor, agency, input, new RegisterLookups(db), ct);
        var events = staged.Events(actor, now);
        await db.SaveWithEventsAsync(events, actor, now, ct);
        notifier.Publish(events.Select(e => e.ToMessage()).ToArray());
        return new ScreeningRecorded(staged.Screening.Id, staged.Child.Id, events[^1].Sequence, staged.Registered);
    }

    internal static async Task<Agency> AgencyOfAsync(CoordinationDbContext db, Actor actor, CancellationToken ct) =>
        await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Key == actor.AgencyKey, ct)
            ?? throw new DomainException("Error.Agency.Unknown", $"Unknown agency '{actor.AgencyKey}'.");

    /// <summary>
    /// The one way a screening (and the new child it registers) is checked and put on <paramref name="db"/>: rules,
    /// the same-resident-ID and near-duplicate checks, rights, the child's risk. Nothing is saved: the form saves at
    /// once (<see cref="RecordAsync"/>), an import saves many in one transaction (<see cref="Import.ImportService"/>).
    /// Throws as <see cref="RecordAsync"/> does, and then has added nothing to <paramref name="db"/>.
    /// </summary>
    internal async Task<StagedScreening> StageAsync(CoordinationDbContext db, Actor actor, Agency agency, RecordScreening input, RegisterLookups lookups, CancellationToken ct)
    {
        var today = clock.Today;
        var now = clock.Now;
        var errors = new InputErrors();
        ScreeningRules.Check(input, agency.ScreeningKind, today, errors);

        Child? child = null;
        Child? registering = null;
        Reference.Village? village = null;
        if (input.ChildId is { } childId && input.NewChild is null)
        {
            child = await db.Children.Include(c => c.Categories).FirstOrDefaultAsync(c => c.Id == childId, ct);
            if (child is null)
            {
                errors.Add("child.id", NotFoundException.ChildCode);
            }
            else if (child.Status != ChildStatus.Active)
            {
                errors.Add("child.id", "Error.Child.Closed");
            }
        }
        else if (input.NewChild is { } newChild && input.ChildId is null)
        {
            var township = newChild.Township?.Trim() ?? "";
            var townshipKnown = township.Length > 0 && await lookups.TownshipExistsAsync(township, ct);
            ChildRules.Check(newChild, "child.", today, _ => townshipKnown, errors);
            village = await lookups.VillageAsync(township, newChild.Details?.Village, ct);
            ChildRules.CheckDetails(newChild.Details, "child.", _ => village is not null, errors);
            if (!errors.Has("child.residentId"))
            {
                // The same resident ID is always the same child: never a second record.
                var id = ResidentId.Normalize(newChild.ResidentId);
                child = await lookups.MayBeRegisteredAsync(id, ct)
                    ? await db.Children.Include(c => c.Categories).FirstOrDefaultAsync(c => c.ResidentId == id, ct)
                    : null;
                if (child is { Status: ChildStatus.Merged, MergedIntoId: { } keptId })
                {
                    child = await db.Children.Include(c => c.Categories).FirstAsync(c => c.Id == keptId, ct);
                }
                if (child is { Status: ChildStatus.Closed })
                {
                    errors.Add("child.residentId", "Error.Child.Closed");
                }
                else if (child is not null && errors.IsEmpty
                         && (!string.Equals(child.Name, newChild.Name?.Trim(), StringComparison.Ordinal) || child.BirthDate != newChild.BirthDate))
                {
                    // Never attach silently to a child of another name: the caller must refer to that child by its id.
                    throw new ResidentIdRegisteredException(child.Id);
                }
            }
            if (child is null && errors.IsEmpty)
            {
                // Same name, birth date and township, another resident ID: perhaps the same child typed again.
                // Registered only when the caller has said, child by child, that it is another child.
                // (Another request may register this very resident ID meanwhile: that child is left out here, and the save
                // then meets the unique index and runs again, finding it.)
                var near = await lookups.MayHaveNearDuplicatesAsync(newChild.Name!.Trim(), newChild.BirthDate!.Value, township, ct)
                    ? await ChildService.NearDuplicatesAsync(db, actor, newChild.Name!, newChild.BirthDate!.Value, township, ct, ResidentId.Normalize(newChild.ResidentId))
                    : [];
                if (near.Any(m => input.DistinctFrom?.Contains(m.Id) != true))
                {
                    throw new NearDuplicateException(near);
                }
                registering = Child.Register(newChild, actor, today, now, village?.Id);
                child = registering;
            }
        }
        errors.ThrowIfAny();
        EnumKeys.TryParse<ScreeningKind>(input.Kind, out var kind);
        Rights.Require(Rights.CanRecordScreening(actor, kind, agency.ScreeningKind, child!.TownshipKey), "record this screening of this child");

        // Only now, every check passed, does anything go on the context.
        if (registering is not null)
        {
            db.Children.Add(registering);
        }
        var screening = Screening.Record(child, input, actor, now);
        db.Screenings.Add(screening);
        if (registering is not null)
        {
            // A child registered here has no stored screening to read back.
            child.ApplyRisk(RiskRules.Assess(child, [screening], today).Level, today);
        }
        else
        {
            await ChildRisk.RefreshAsync(db, child, today, ct);
        }
        return new StagedScreening(screening, child, registering is not null);
    }
}

/// <summary>A screening checked and put on a context, not yet saved, with the child it is of.</summary>
internal sealed record StagedScreening(Screening Screening, Child Child, bool Registered)
{
    /// <summary>The board events the form writes with it: the registration (if any), then the screening.</summary>
    public List<BoardEvent> Events(Actor actor, DateTimeOffset now)
    {
        var events = new List<BoardEvent>(2);
        if (Registered)
        {
            events.Add(BoardEvent.ChildRegistered(Child, actor, now));
        }
        events.Add(BoardEvent.ScreeningRecorded(Screening, Child, now));
        return events;
    }
}

/// <summary>
/// A "new" child's resident ID is already registered, under another name or birth date: nothing was written. The
/// caller must say which child it means (by <see cref="ChildId"/>) or correct the ID.
/// </summary>
public sealed class ResidentIdRegisteredException(Guid childId)
    : DomainException("Error.ResidentId.RegisteredOther", $"The resident ID is registered to child {childId} under another name or birth date.")
{
    public Guid ChildId { get; } = childId;
}
