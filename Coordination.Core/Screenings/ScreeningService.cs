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
        var agency = await db.Agencies.AsNoTracking().FirstOrDefaultAsync(a => a.Key == actor.AgencyKey, ct)
            ?? throw new DomainException("Error.Agency.Unknown", $"Unknown agency '{actor.AgencyKey}'.");
        var today = clock.Today;
        var now = clock.Now;
        var errors = new InputErrors();
        ScreeningRules.Check(input, agency.ScreeningKind, today, errors);

        Child? child = null;
        var registered = false;
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
            var townshipKnown = township.Length > 0 && await db.Townships.AnyAsync(t => t.Key == township, ct);
            ChildRules.Check(newChild, "child.", today, _ => townshipKnown, errors);
            var village = await ChildService.VillageAsync(db, township, newChild.Details?.Village, ct);
            ChildRules.CheckDetails(newChild.Details, "child.", _ => village is not null, errors);
            if (!errors.Has("child.residentId"))
            {
                // The same resident ID is always the same child: never a second record.
                var id = ResidentId.Normalize(newChild.ResidentId);
                child = await db.Children.Include(c => c.Categories).FirstOrDefaultAsync(c => c.ResidentId == id, ct);
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
                // below then meets the unique index and runs again, finding it.)
                var near = await ChildService.NearDuplicatesAsync(db, actor, newChild.Name!, newChild.BirthDate!.Value, township, ct,
                    ResidentId.Normalize(newChild.ResidentId));
                if (near.Any(m => input.DistinctFrom?.Contains(m.Id) != true))
                {
                    throw new NearDuplicateException(near);
                }
                child = Child.Register(newChild, actor, today, now, village?.Id);
                db.Children.Add(child);
                registered = true;
            }
        }
        errors.ThrowIfAny();
        EnumKeys.TryParse<ScreeningKind>(input.Kind, out var kind);
        Rights.Require(Rights.CanRecordScreening(actor, kind, agency.ScreeningKind, child!.TownshipKey), "record this screening of this child");

        var screening = Screening.Record(child!, input, actor, now);
        db.Screenings.Add(screening);
        await ChildRisk.RefreshAsync(db, child!, today, ct);
        var events = new List<BoardEvent>(2);
        if (registered)
        {
            events.Add(BoardEvent.ChildRegistered(child!, actor, now));
        }
        events.Add(BoardEvent.ScreeningRecorded(screening, child!, now));
        await db.SaveWithEventsAsync(events, actor, now, ct);
        notifier.Publish(events.Select(e => e.ToMessage()).ToArray());
        return new ScreeningRecorded(screening.Id, child!.Id, events[^1].Sequence, registered);
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
