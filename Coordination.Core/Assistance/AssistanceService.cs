namespace Coordination.Core.Assistance;

/// <summary>Records assistance (帮扶) and tells how far each programme has come.</summary>
public sealed class AssistanceService(
    IDbContextFactory<CoordinationDbContext> dbFactory,
    IBoardNotifier notifier,
    BoardClock clock)
{
    /// <exception cref="InvalidInputException">The input breaks a rule; nothing was saved.</exception>
    public async Task<(Guid Id, long Sequence)> RecordAsync(Actor actor, RecordAssistance input, CancellationToken ct = default)
    {
        Access.Rights.Require(Access.Rights.CanRecordAssistance(actor), "record assistance");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var errors = new InputErrors();
        var programme = string.IsNullOrWhiteSpace(input.Programme)
            ? null
            : await db.Programmes.AsNoTracking().FirstOrDefaultAsync(p => p.Key == input.Programme.Trim(), ct);
        AssistanceRules.Check(input, programme, clock.Today, errors);
        Child? child = null;
        if (input.ChildId is { } childId)
        {
            child = await db.Children.FirstOrDefaultAsync(c => c.Id == childId, ct);
            if (child is null)
            {
                errors.Add("childId", NotFoundException.ChildCode);
            }
            else if (child.Status != ChildStatus.Active)
            {
                errors.Add("childId", "Error.Child.Closed");
            }
            else if (input.Date is { } date && date < child.BirthDate)
            {
                errors.Add("date", "Error.Date.BeforeBirth");
            }
        }
        errors.ThrowIfAny();

        var now = clock.Now;
        var record = AssistanceRecord.Record(child!.Id, input, actor, now);
        db.AssistanceRecords.Add(record);
        var evt = BoardEvent.AssistanceRecorded(record, child, now);
        await db.SaveWithEventsAsync([evt], actor, clock.Now, ct);
        notifier.Publish([evt.ToMessage()]);
        return (record.Id, evt.Sequence);
    }

    /// <summary>The programmes (reference data: names, targets, deadlines).</summary>
    public async Task<IReadOnlyList<Programme>> ProgrammesAsync(Actor actor, CancellationToken ct = default)
    {
        Access.Rights.Require(Access.Rights.CanReadReferenceData(actor), "read programmes");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Programmes.AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(ct);
    }

    /// <summary>Every programme with what its records have achieved so far, counted in SQL.</summary>
    public async Task<IReadOnlyList<ProgrammeProgress>> ProgressAsync(Actor actor, CancellationToken ct = default)
    {
        Access.Rights.Require(Access.Rights.CanReadAggregates(actor), "read programme progress");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Figures.FiguresQueries.ProgrammeProgressAsync(db, ct);
    }
}
