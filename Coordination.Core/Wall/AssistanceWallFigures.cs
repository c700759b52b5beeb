namespace Coordination.Core.Wall;

/// <summary>
/// Today's source of the wall's figures: the programmes' progress from <see cref="AssistanceService"/>, and
/// Golden-Autumn aid (pupils helped and yuan paid this year) from the assistance records, and the last quarter's
/// submission and lock state as the figures sign-off keeps it.
/// </summary>
internal sealed class AssistanceWallFigures(AssistanceService assistance, IDbContextFactory<CoordinationDbContext> dbFactory) : IWallFigures
{

    public async Task<IReadOnlyList<WallProgramme>> ProgrammesAsync(DateOnly today, CancellationToken ct)
    {
        var progress = await assistance.ProgressAsync(WallService.Room, ct);
        var result = progress
            .Where(p => p.Programme.IsRunningOn(today))
            .Select(p => new WallProgramme(p.Programme.Key, p.Programme.Name, p.Programme.NameEn, p.Achieved, p.Programme.Target, p.Programme.Unit, p.AmountFen, p.Programme.Deadline))
            .ToList();
        if (!progress.Any(p => p.Programme.Kind == AssistanceKind.GoldenAutumnAid))
        {
            var yearStart = new DateOnly(today.Year, 1, 1);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            var aid = db.AssistanceRecords.Where(r => r.Kind == AssistanceKind.GoldenAutumnAid && r.Date >= yearStart && r.Date <= today);
            var pupils = await aid.Select(r => r.ChildId).Distinct().CountAsync(ct);
            var fen = await aid.SumAsync(r => (long?)r.AmountFen, ct) ?? 0;
            result.Add(new WallProgramme(WallProgramme.GoldenAutumnKey, "", "", pupils, null, ProgrammeUnit.Children, fen, null));
        }
        return result;
    }

    /// <summary>The quarter's real sign-off: locked (and when), submitted by all four (and when the last did), or not yet.</summary>
    public async Task<QuarterSubmission> LastQuarterAsync(Quarter lastQuarter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var state = await Figures.SignOffQueries.StateAsync(db, lastQuarter, ct);
        var count = state.SubmittedCount;
        if (state.Lock is { } locked)
        {
            return new QuarterSubmission(lastQuarter, SubmissionState.Locked, locked.LockedAt, null, locked.LockedAt, count);
        }
        var last = state.Agencies.Where(a => a.SubmittedAt is not null).MaxBy(a => a.SubmittedAt);
        return state.AllSubmitted
            ? new QuarterSubmission(lastQuarter, SubmissionState.Submitted, last!.SubmittedAt, last.AgencyKey, null, count)
            : new QuarterSubmission(lastQuarter, SubmissionState.NotSubmitted, null, null, null, count);
    }
}
