using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Coordination.Core.Board;

/// <summary>
/// Computes the board once per point of the event log and view and shares it: with many boards open, an event
/// costs one set of queries per view, not one per board. Singleton.
/// <para>
/// Views follow <see cref="Rights"/>: the city-wide figures (tiles, counts) are the same for everyone; the lines
/// about single children (latest screenings, the feed, overdue referrals) are the whole city's for agency readers,
/// one township's for its supervisor (<see cref="Rights.ConfinedTo"/>), and absent for the wall and the
/// administrator (<see cref="Rights.CanSeeBoardLines"/>): their feed keeps what happened, where and by which
/// agency, but no child's name or id.
/// </para>
/// </summary>
public sealed class BoardSnapshotService(IDbContextFactory<CoordinationDbContext> dbFactory, BoardClock clock) : IDisposable
{
    public const int ColumnLength = 8;
    public const int FeedLength = 30;
    public const int OverdueLength = 20;

    private const string CityView = "";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ConcurrentDictionary<string, BoardSnapshot> _current = new(StringComparer.Ordinal);

    /// <summary>The board as <paramref name="actor"/> may see it, as of the newest event.</summary>
    public async Task<BoardSnapshot> GetLatestAsync(Actor actor, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var last = await db.BoardEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        return await GetAsync(actor, last, ct);
    }

    /// <summary>The board as <paramref name="actor"/> may see it, as of at least event <paramref name="sequence"/>.</summary>
    public async Task<BoardSnapshot> GetAsync(Actor actor, long sequence, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanReadAggregates(actor), "see the board");
        if (!Rights.CanSeeBoardLines(actor))
        {
            return AggregatesOnly(await ViewAsync(CityView, sequence, ct));
        }
        return await ViewAsync(Rights.ConfinedTo(actor) ?? CityView, sequence, ct);
    }

    private async Task<BoardSnapshot> ViewAsync(string township, long sequence, CancellationToken ct)
    {
        if (_current.TryGetValue(township, out var cached) && IsFresh(cached, sequence))
        {
            return cached;
        }
        await _gate.WaitAsync(ct);
        try
        {
            if (_current.TryGetValue(township, out cached) && IsFresh(cached, sequence))
            {
                return cached;
            }
            var snapshot = await ComputeAsync(township.Length == 0 ? null : township, ct);
            _current[township] = snapshot;
            return snapshot;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The figures of the board, and a feed that names and points at no child.</summary>
    private static BoardSnapshot AggregatesOnly(BoardSnapshot s) => s with
    {
        Columns = s.Columns.Select(c => c with { Latest = [] }).ToList(),
        Feed = s.Feed.Select(f => f with { ChildId = null, MaskedChildName = null }).ToList(),
        Overdue = s.Overdue with { Latest = [] },
    };

    private bool IsFresh(BoardSnapshot? s, long sequence) => s is not null && s.Sequence >= sequence && s.Today == clock.Today;

    /// <param name="township">Null for the whole city's lines; else only that township's children's.</param>
    private async Task<BoardSnapshot> ComputeAsync(string? township, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        // One deferred read transaction: every figure below is read from the same state of the file.
        await using var tx = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(tx, ct);

        var today = clock.Today;
        var sequence = await db.BoardEvents.MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
        var quarter = Quarter.Of(today);
        var monthStart = new DateOnly(today.Year, today.Month, 1);

        // The tiles are the quarterly indicators read as of today (IndicatorCatalogue, FiguresQueries): one definition.
        var register = await FiguresQueries.RegisterAsync(db, today, ct);
        var byCategory = EnumKeys.All<Children.ChildCategory>().ToDictionary(c => c, _ => 0);
        foreach (var (_, category, count) in await FiguresQueries.RegisterByCategoryAsync(db, today, ct))
        {
            byCategory[category] += count;
        }
        var quarterScreenings = await FiguresQueries.ScreeningsAsync(db, quarter.FirstDay, today, ct);
        var kpis = new BoardKpis(
            register.Sum(r => r.Children),
            byCategory,
            (await FiguresQueries.ScreeningsAsync(db, monthStart, today, ct)).Sum(r => r.Count),
            quarterScreenings.Sum(r => r.Count),
            register.Sum(r => r.HighRisk));

        var agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync(ct);
        var referralsPerAgency = await ReferralFigures.ByReceiverAsync(db, clock.Now, ct);
        var columns = new List<AgencyColumn>(agencies.Count);
        foreach (var agency in agencies.Where(a => a.ScreeningKind is not null))
        {
            var latest = await (
                    from s in db.Screenings.AsNoTracking()
                    join c in db.Children on s.ChildId equals c.Id
                    where s.AgencyKey == agency.Key && (township == null || c.TownshipKey == township)
                    orderby s.RecordedAt descending, s.Id descending
                    select new { s.Id, s.ChildId, c.Name, s.Kind, s.Date, c.TownshipKey, s.Risk })
                .Take(ColumnLength)
                .ToListAsync(ct);
            columns.Add(new AgencyColumn(
                agency.Key,
                agency.Name,
                agency.NameEn,
                quarterScreenings.Where(r => r.Kind.Key() == agency.ScreeningKind).Sum(r => r.Count),
                latest.Select(l => new ScreeningLine(l.Id, l.ChildId, Children.PersonName.Mask(l.Name), l.Kind, l.Date, l.TownshipKey, l.Risk)).ToList(),
                referralsPerAgency.GetValueOrDefault(agency.Key) ?? AgencyReferralCounts.None));
        }

        var feedRows = await (
                from e in db.BoardEvents.AsNoTracking()
                join c in db.Children on e.ChildId equals c.Id into cs
                from c in cs.DefaultIfEmpty()
                where township == null || e.TownshipKey == null || e.TownshipKey == township
                orderby e.Sequence descending
                select new { Event = e, Name = c == null ? null : c.Name })
            .Take(FeedLength)
            .ToListAsync(ct);
        var feed = feedRows.Select(r => new FeedItem(
                r.Event.Sequence, r.Event.Kind, r.Event.AgencyKey, r.Event.TownshipKey, r.Event.OccurredAt,
                r.Event.Detail, r.Event.Risk, r.Event.ChildId, r.Name is null ? null : Children.PersonName.Mask(r.Name)))
            .ToList();

        var byTownship = register.ToDictionary(r => r.Township, r => (r.Children, r.HighRisk));
        var townships = (await db.Townships.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct))
            .Select(t =>
            {
                var counts = byTownship.GetValueOrDefault(t.Key);
                return new TownshipTile(t.Key, t.Name, t.NameEn, counts.Children, counts.HighRisk);
            })
            .ToList();

        var overdue = await OverdueAsync(db, township, ct);

        await tx.CommitAsync(ct);
        return new BoardSnapshot(sequence, today, kpis, columns, feed, townships, overdue);
    }

    private async Task<OverdueReferrals> OverdueAsync(CoordinationDbContext db, string? township, CancellationToken ct)
    {
        var now = clock.Now;
        var overdue = db.Referrals.AsNoTracking().Where(ReferralFigures.OverdueAt(now));
        if (township is not null)
        {
            overdue = overdue.Where(r => db.Children.Any(c => c.Id == r.ChildId && c.TownshipKey == township));
        }
        var total = await overdue.CountAsync(ct);
        if (total == 0)
        {
            return OverdueReferrals.None;
        }
        var rows = await (
                from r in overdue
                join c in db.Children on r.ChildId equals c.Id
                orderby (r.Status == ReferralStatus.Pending ? r.AcceptDueAt : r.CompleteDueAt), r.Id
                select new { r.Id, r.ChildId, c.Name, c.TownshipKey, r.FromAgencyKey, r.ToAgencyKey, r.Need, r.Urgency, r.Status, r.AcceptDueAt, r.CompleteDueAt })
            .Take(OverdueLength)
            .ToListAsync(ct);
        return new OverdueReferrals(total, rows.Select(r => new OverdueReferralLine(
                r.Id, r.ChildId, Children.PersonName.Mask(r.Name), r.TownshipKey, r.FromAgencyKey, r.ToAgencyKey, r.Need, r.Urgency, r.Status,
                r.Status == ReferralStatus.Pending ? r.AcceptDueAt : r.CompleteDueAt))
            .ToList());
    }

    public void Dispose() => _gate.Dispose();
}
