namespace Coordination.Core.Wall;

/// <summary>
/// 大屏 — the meeting-room wall's view of the board. Built on the board's own snapshot (one set of queries per
/// event, shared by every board and wall) plus what only the wall shows: the map's places, referrals per area,
/// this quarter's new enrolments, the programmes and the last quarter's submission (<see cref="IWallFigures"/>).
/// Computed once per point of the event log and shared: with many walls open an event costs one computation.
/// Singleton.
/// </summary>
public sealed class WallService(
    BoardSnapshotService board,
    IWallFigures figures,
    TownshipPositions positions,
    IDbContextFactory<CoordinationDbContext> dbFactory,
    BoardClock clock) : IDisposable
{
    /// <summary>How many overdue referrals and feed lines the wall shows (the room reads the top ones).</summary>
    public const int OverdueLength = 6;

    public const int FeedLength = 6;

    /// <summary>
    /// Whoever opens the wall, it is computed as the display role sees the board (aggregates, no child's line), once
    /// for every wall: what a room full of people sees never depends on whose account opened the page.
    /// </summary>
    public static readonly Actor Room = new("civil-affairs", "wall", Role.Display, From: "wall");

    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile WallSnapshot? _current;

    public Task<WallSnapshot> GetLatestAsync(Actor actor, CancellationToken ct = default) => GetAsync(actor, 0, ct);

    /// <summary>The wall as of at least event <paramref name="sequence"/>.</summary>
    /// <exception cref="ForbiddenException">The actor may not see the wall.</exception>
    public async Task<WallSnapshot> GetAsync(Actor actor, long sequence, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanViewWall(actor), "view the wall");
        var snapshot = await board.GetAsync(Room, sequence, ct);
        if (IsFresh(_current, snapshot))
        {
            return _current!;
        }
        await _gate.WaitAsync(ct);
        try
        {
            snapshot = await board.GetAsync(Room, sequence, ct);
            if (!IsFresh(_current, snapshot))
            {
                _current = await ComputeAsync(snapshot, ct);
            }
            return _current!;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool IsFresh(WallSnapshot? wall, BoardSnapshot snapshot) =>
        wall is not null && wall.Sequence >= snapshot.Sequence && wall.Today == snapshot.Today;

    private async Task<WallSnapshot> ComputeAsync(BoardSnapshot snapshot, CancellationToken ct)
    {
        var today = snapshot.Today;
        var quarter = Quarter.Of(today);
        var now = clock.Now;
        Dictionary<string, (int Open, int Overdue)> referralsByArea;
        Dictionary<ChildCategory, int> enrolled;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            var open = from r in db.Referrals.AsNoTracking()
                       where r.Status == ReferralStatus.Pending || r.Status == ReferralStatus.Accepted
                       join c in db.Children on r.ChildId equals c.Id
                       select new { r, c.TownshipKey };
            var openCounts = await open.GroupBy(x => x.TownshipKey).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var overdueCounts = await (
                    from r in db.Referrals.AsNoTracking().Where(ReferralFigures.OverdueAt(now))
                    join c in db.Children on r.ChildId equals c.Id
                    group r by c.TownshipKey into g
                    select new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            referralsByArea = openCounts.ToDictionary(x => x.Key, x => (x.Count, overdueCounts.GetValueOrDefault(x.Key)));
            enrolled = await (
                    from e in db.ChildCategories.AsNoTracking()
                    join c in db.Children on e.ChildId equals c.Id
                    where c.Status == ChildStatus.Active && e.EnrolledOn >= quarter.FirstDay && e.EnrolledOn <= today
                    group e by e.Category into g
                    select new { g.Key, Count = g.Count() })
                .ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        }

        var kpis = snapshot.Kpis;
        var totals = new WallTotals(
            kpis.ActiveChildren,
            kpis.HighRiskChildren,
            kpis.ScreeningsThisQuarter,
            EnumKeys.All<ChildCategory>().Select(c => new WallCategory(c, kpis.ByCategory.GetValueOrDefault(c), enrolled.GetValueOrDefault(c))).ToList());

        var areas = new List<WallArea>(snapshot.Townships.Count);
        foreach (var t in snapshot.Townships)
        {
            if (positions.Of(t.Key) is not { } place)
            {
                continue;
            }
            var referrals = referralsByArea.GetValueOrDefault(t.Key);
            areas.Add(new WallArea(t.Key, t.Name, t.NameEn, place.Row, place.Column,
                SmallCount.Of(t.Children), SmallCount.Of(t.HighRisk), SmallCount.Of(referrals.Open), SmallCount.Of(referrals.Overdue)));
        }

        var inboxes = snapshot.Columns
            .Select(c => new WallAgencyReferrals(c.AgencyKey, c.Referrals.Waiting, c.Referrals.Accepted, c.Referrals.Overdue))
            .ToList();
        var overdue = snapshot.Overdue.Latest.Take(OverdueLength)
            .Select(o => new WallOverdue(o.MaskedChildName, o.TownshipKey, o.FromAgencyKey, o.ToAgencyKey, o.Need, o.Urgency, o.Status, o.DueAt))
            .ToList();

        var programmes = await figures.ProgrammesAsync(today, ct);
        var lastQuarter = await figures.LastQuarterAsync(quarter.Previous, ct);
        var feed = snapshot.Feed.Take(FeedLength).ToList();
        return new WallSnapshot(
            snapshot.Sequence, today, snapshot.Feed.Count > 0 ? snapshot.Feed[0].OccurredAt : null, totals,
            positions.Rows, positions.Columns, areas, inboxes, snapshot.Overdue.Total, overdue, programmes, lastQuarter, feed);
    }

    public void Dispose() => _gate.Dispose();
}
