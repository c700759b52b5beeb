namespace Coordination.Core.Figures;

/// <summary>Reads of a quarter's submissions, lock and reported figures, shared by the figures and sign-off services and the wall.</summary>
internal static class SignOffQueries
{
    public static Task<QuarterLock?> LockInForceAsync(CoordinationDbContext db, Quarter quarter, bool withValues, CancellationToken ct)
    {
        var locks = db.QuarterLocks.AsNoTracking().Where(l => l.Quarter == quarter && l.UnlockedAt == null);
        return (withValues ? locks.Include(l => l.Values) : locks).FirstOrDefaultAsync(ct);
    }

    public static async Task<QuarterSignOff> StateAsync(CoordinationDbContext db, Quarter quarter, CancellationToken ct)
    {
        var submissions = await db.AgencySubmissions.AsNoTracking().Where(s => s.Quarter == quarter).ToListAsync(ct);
        var quarterLock = await LockInForceAsync(db, quarter, withValues: false, ct);
        var unlock = await db.QuarterLocks.AsNoTracking().Where(l => l.Quarter == quarter && l.UnlockedAt != null)
            .OrderByDescending(l => l.Id).FirstOrDefaultAsync(ct);
        var reported = await db.ReportedFigures.AsNoTracking().Where(r => r.Quarter == quarter).ToListAsync(ct);
        return new QuarterSignOff(
            quarter,
            IndicatorCatalogue.AgencyOrder.Select(a => submissions.FirstOrDefault(s => s.AgencyKey == a) is { } s
                ? new AgencySignOff(a, s.SubmittedAt, s.SubmittedBy)
                : new AgencySignOff(a, null, null)).ToList(),
            quarterLock is null ? null : new QuarterLockInfo(quarterLock.LockedAt, quarterLock.LockedBy, quarterLock.Fingerprint),
            unlock is null ? null : new QuarterUnlockInfo(unlock.UnlockedAt!.Value, unlock.UnlockedBy ?? "", unlock.UnlockReason ?? ""),
            reported.Select(r => new ReportedEntry(r.AgencyKey, r.Key, r.Value, r.Text, r.EnteredAt, r.EnteredBy)).ToList());
    }

    /// <summary>The computed indicators as the records stand, with the reported values entered for the quarter.</summary>
    public static async Task<FigureTable> LiveAsync(CoordinationDbContext db, Quarter quarter, DateTimeOffset now, CancellationToken ct)
    {
        var table = new FigureTable(quarter);
        await FiguresQueries.FillAsync(db, quarter, now, table, ct);
        var reported = await db.ReportedFigures.AsNoTracking()
            .Where(r => r.Quarter == quarter && r.Value != null && r.Key != ReportedFigure.RemarkKey)
            .Select(r => new { r.Key, r.Value })
            .ToListAsync(ct);
        foreach (var r in reported)
        {
            table.SetTotal(r.Key, r.Value!.Value);
        }
        return table;
    }

    /// <summary>A quarter's figures as every face shows them: the stored values of a lock in force, else the live ones.</summary>
    public static async Task<(FigureTable Shown, FigureTable? AfterLock, QuarterLock? Lock)> ShownAsync(CoordinationDbContext db, Quarter quarter, DateTimeOffset now, CancellationToken ct)
    {
        var live = await LiveAsync(db, quarter, now, ct);
        var quarterLock = await LockInForceAsync(db, quarter, withValues: true, ct);
        if (quarterLock is null)
        {
            return (live, null, null);
        }
        var stored = quarterLock.ToTable();
        return (stored, FigureTable.Difference(live, stored), quarterLock);
    }
}
