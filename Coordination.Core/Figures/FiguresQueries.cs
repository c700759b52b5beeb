using static Coordination.Core.Figures.IndicatorCatalogue;

namespace Coordination.Core.Figures;

/// <summary>
/// The computed indicators of <see cref="IndicatorCatalogue"/>, each written once here as LINQ that EF
/// translates to SQL (no provider-specific SQL), grouped by the child's township. The board's tiles call the
/// same methods with today's date; the figures service calls them with a quarter.
/// </summary>
public static class FiguresQueries
{
    /// <summary>On the register on <paramref name="day"/>: enrolled in the category on or before it, not closed by then, not merged.</summary>
    public static async Task<List<(string Township, ChildCategory Category, int Count)>> RegisterByCategoryAsync(CoordinationDbContext db, DateOnly day, CancellationToken ct)
    {
        var rows = await (
                from e in db.ChildCategories
                join c in db.Children on e.ChildId equals c.Id
                where e.EnrolledOn <= day && c.Status != ChildStatus.Merged && (c.ClosedOn == null || c.ClosedOn > day)
                group e by new { c.TownshipKey, e.Category } into g
                select new { g.Key.TownshipKey, g.Key.Category, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => (r.TownshipKey, r.Category, r.Count)).ToList();
    }

    /// <summary>
    /// Children on the register on <paramref name="day"/> (each once), and of them those at high or urgent risk at
    /// that day's end, by township. The risk is the one the board showed then: the last change of the child's risk
    /// history (<see cref="ChildRiskChange"/>) made on or before the day, so a past quarter's figure does not move
    /// when risks change later. For today it equals the children's current risk.
    /// </summary>
    public static async Task<List<(string Township, int Children, int HighRisk)>> RegisterAsync(CoordinationDbContext db, DateOnly day, CancellationToken ct)
    {
        var rows = await db.Children
            .Where(c => c.Status != ChildStatus.Merged && (c.ClosedOn == null || c.ClosedOn > day)
                && db.ChildCategories.Any(e => e.ChildId == c.Id && e.EnrolledOn <= day))
            .GroupBy(c => c.TownshipKey)
            .Select(g => new { g.Key, Children = g.Count(), HighRisk = g.Count(c => AtHighRisk(db, day).Contains(c.Id)) })
            .ToListAsync(ct);
        return rows.Select(r => (r.Key, r.Children, r.HighRisk)).ToList();
    }

    /// <summary>
    /// The children whose risk at the end of <paramref name="day"/> was high or urgent: a high or urgent change made
    /// on or before the day with no later change by then. Written as a set (SQL: <c>IN (subquery)</c>, computed once)
    /// rather than each child's last change, so its cost follows the few high-risk changes, not the register.
    /// </summary>
    private static IQueryable<Guid> AtHighRisk(CoordinationDbContext db, DateOnly day) =>
        db.ChildRiskChanges
            .Where(r => r.Level >= RiskLevel.High && r.Since <= day
                && !db.ChildRiskChanges.Any(later => later.ChildId == r.ChildId && later.Since <= day
                    && (later.Since > r.Since || (later.Since == r.Since && later.Id > r.Id))))
            .Select(r => r.ChildId);

    /// <summary>Screenings dated within [since, until], by township and kind.</summary>
    public static async Task<List<(string Township, ScreeningKind Kind, int Count)>> ScreeningsAsync(CoordinationDbContext db, DateOnly since, DateOnly until, CancellationToken ct)
    {
        var rows = await (
                from s in db.Screenings
                join c in db.Children on s.ChildId equals c.Id
                where s.Date >= since && s.Date <= until
                group s by new { c.TownshipKey, s.Kind } into g
                select new { g.Key.TownshipKey, g.Key.Kind, Count = g.Count() })
            .ToListAsync(ct);
        return rows.Select(r => (r.TownshipKey, r.Kind, r.Count)).ToList();
    }

    /// <summary>Computes every computed indicator of <paramref name="quarter"/> into <paramref name="table"/>, as of <paramref name="now"/> for the quarter in progress.</summary>
    public static async Task FillAsync(CoordinationDbContext db, Quarter quarter, DateTimeOffset now, FigureTable table, CancellationToken ct)
    {
        var first = quarter.FirstDay;
        var last = quarter.LastDay;
        var (start, end) = Instants(quarter);

        foreach (var (township, category, count) in await RegisterByCategoryAsync(db, last, ct))
        {
            table.AddIn(RegisterKey(category), township, count);
        }
        var enrolled = await (
                from e in db.ChildCategories
                join c in db.Children on e.ChildId equals c.Id
                where e.EnrolledOn >= first && e.EnrolledOn <= last && c.Status != ChildStatus.Merged
                group e by new { c.TownshipKey, e.Category } into g
                select new { g.Key.TownshipKey, g.Key.Category, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var r in enrolled)
        {
            table.AddIn(EnrolledKey(r.Category), r.TownshipKey, r.Count);
        }
        foreach (var (township, kind, count) in await ScreeningsAsync(db, first, last, ct))
        {
            table.AddIn(ScreeningsKey(kind), township, count);
        }
        foreach (var (township, _, highRisk) in await RegisterAsync(db, last, ct))
        {
            table.AddIn(HighRisk, township, highRisk);
        }

        // A quarter in progress is counted up to now: "at quarter end" never looks into the future.
        await FillReferralsAsync(db, start, end, end < now ? end : now, table, ct);
        await FillAssistanceAsync(db, first, last, table, ct);

        var target = await db.Programmes
            .Where(p => p.Kind == AssistanceKind.HopeCabin && p.StartsOn <= last && p.Deadline >= last)
            .SumAsync(p => p.Target ?? 0, ct);
        table.SetTotal(HopeCabinsTarget, target);

        var leftBehind = await (
                from e in db.ChildCategories
                join c in db.Children on e.ChildId equals c.Id
                where e.Category == ChildCategory.LeftBehind && e.EnrolledOn <= last
                    && c.Status != ChildStatus.Merged && (c.ClosedOn == null || c.ClosedOn > last)
                group c by c.TownshipKey into g
                select new
                {
                    g.Key,
                    All = g.Count(),
                    Complete = g.Count(c => c.FiveClears.BasicFacts != null && c.FiveClears.Personality != null
                        && c.FiveClears.Hobbies != null && c.FiveClears.Health != null && c.FiveClears.GuardianContact != null),
                })
            .ToListAsync(ct);
        foreach (var r in leftBehind)
        {
            table.AddIn(FiveClearsComplete, r.Key, r.Complete);
        }
        var all = leftBehind.Sum(r => r.All);
        table.SetTotal(FiveClearsPercent, all == 0 ? 0 : Math.Round(100m * leftBehind.Sum(r => r.Complete) / all, 1, MidpointRounding.AwayFromZero));

        var cards = await (
                from s in db.Screenings.OfType<SchoolSurveyScreening>()
                join c in db.Children on s.ChildId equals c.Id
                where s.Date >= first && s.Date <= last && s.ContactCardIssued
                group s by c.TownshipKey into g
                select new { g.Key, Count = g.Count() })
            .ToListAsync(ct);
        foreach (var r in cards)
        {
            table.AddIn(ContactCards, r.Key, r.Count);
        }
    }

    /// <summary>The quarter as instants [start, end): its days are China Standard Time (UTC+8, no daylight saving); times are kept in UTC.</summary>
    public static (DateTimeOffset Start, DateTimeOffset End) Instants(Quarter quarter) =>
        (new DateTimeOffset(quarter.FirstDay.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime(),
         new DateTimeOffset(quarter.LastDay.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)).ToUniversalTime());

    private static async Task FillReferralsAsync(CoordinationDbContext db, DateTimeOffset start, DateTimeOffset end, DateTimeOffset asOf, FigureTable table, CancellationToken ct)
    {
        // One pass over the referrals that touch the quarter (sent by its end, not closed before its start): sent,
        // accepted, declined, completed (on time) within it, and open and overdue at its end (or now, in progress):
        // sent by then, not closed by then, past the due time of the stage it was in.
        var rows = await (
                from r in db.Referrals
                join c in db.Children on r.ChildId equals c.Id
                where r.CreatedAt <= end && (r.ClosedAt == null || r.ClosedAt >= start)
                group r by c.TownshipKey into g
                select new
                {
                    g.Key,
                    Sent = g.Count(r => r.CreatedAt >= start && r.CreatedAt < end),
                    Accepted = g.Count(r => r.AcceptedAt >= start && r.AcceptedAt < end),
                    Declined = g.Count(r => r.ClosedAt >= start && r.ClosedAt < end && r.Status == ReferralStatus.Declined),
                    Completed = g.Count(r => r.ClosedAt >= start && r.ClosedAt < end && r.Status == ReferralStatus.Completed),
                    OnTime = g.Count(r => r.ClosedAt >= start && r.ClosedAt < end && r.Status == ReferralStatus.Completed && r.CompletedOnTime == true),
                    Overdue = g.Count(r => r.CreatedAt <= asOf && (r.ClosedAt == null || r.ClosedAt > asOf)
                        && (((r.AcceptedAt == null || r.AcceptedAt > asOf) && r.AcceptDueAt < asOf)
                            || (r.AcceptedAt <= asOf && r.CompleteDueAt < asOf))),
                })
            .ToListAsync(ct);
        void Add(string key, string township, int count)
        {
            if (count != 0)
            {
                table.AddIn(key, township, count);
            }
        }
        foreach (var x in rows)
        {
            Add(ReferralsSent, x.Key, x.Sent);
            Add(ReferralsAccepted, x.Key, x.Accepted);
            Add(ReferralsDeclined, x.Key, x.Declined);
            Add(ReferralsCompleted, x.Key, x.Completed);
            Add(ReferralsCompletedOnTime, x.Key, x.OnTime);
            Add(ReferralsOverdue, x.Key, x.Overdue);
        }

        var seconds = await db.Referrals.Where(r => r.AcceptedAt >= start && r.AcceptedAt < end && r.SecondsToAccept != null)
            .Select(r => r.SecondsToAccept!.Value).ToListAsync(ct);
        table.SetTotal(ReferralsMedianHoursToAccept, Median(seconds));
    }

    /// <summary>The median in hours, one decimal; 0 for none.</summary>
    private static decimal Median(List<long> seconds)
    {
        if (seconds.Count == 0)
        {
            return 0;
        }
        seconds.Sort();
        var mid = seconds.Count / 2;
        var median = seconds.Count % 2 == 1 ? seconds[mid] : (seconds[mid - 1] + seconds[mid]) / 2m;
        return Math.Round(median / 3600m, 1, MidpointRounding.AwayFromZero);
    }

    private static async Task FillAssistanceAsync(CoordinationDbContext db, DateOnly first, DateOnly last, FigureTable table, CancellationToken ct)
    {
        var records = from a in db.AssistanceRecords
                      join c in db.Children on a.ChildId equals c.Id
                      where a.Date >= first && a.Date <= last
                      select new { a, c.TownshipKey };
        var sums = await records
            .GroupBy(x => new { x.TownshipKey, x.a.Kind })
            .Select(g => new AssistanceSum(
                g.Key.TownshipKey,
                g.Key.Kind,
                g.Count(),
                g.Sum(x => x.a.Count),
                g.Sum(x => x.a.AmountFen),
                g.Select(x => x.a.ChildId).Distinct().Count()))
            .ToListAsync(ct);
        foreach (var s in sums)
        {
            foreach (var (key, value) in AssistanceFigures[s.Kind])
            {
                table.AddIn(key, s.TownshipKey, value(s));
            }
        }
    }

    /// <summary>One kind of assistance in one township over the quarter.</summary>
    private sealed record AssistanceSum(string TownshipKey, AssistanceKind Kind, int Records, int Count, long Fen, int Children);

    /// <summary>
    /// The figures each kind of assistance feeds, and from what of its sum: the count of what was done, the records,
    /// the distinct children, the amount in yuan, or a township covered (1).
    /// </summary>
    private static readonly ILookup<AssistanceKind, (string Key, Func<AssistanceSum, decimal> Value)> AssistanceFigures =
        new (AssistanceKind Kind, string Key, Func<AssistanceSum, decimal> Value)[]
        {
            (AssistanceKind.MicroWish, MicroWishes, s => s.Count),
            (AssistanceKind.MicroWish, MicroWishChildren, s => s.Children),
            (AssistanceKind.HopeCabin, HopeCabins, s => s.Count),
            (AssistanceKind.SaturdayClass, SaturdayAttendances, s => s.Count),
            (AssistanceKind.SaturdayClass, SaturdayTownships, _ => 1),
            (AssistanceKind.GoldenAutumnAid, GoldenAutumnPupils, s => s.Children),
            (AssistanceKind.GoldenAutumnAid, GoldenAutumnYuan, s => AssistanceMeasure.ToYuan(s.Fen)),
            (AssistanceKind.GreenChannel, GreenChannel, s => s.Count),
            (AssistanceKind.InsuranceReduction, InsuranceCases, s => s.Records),
            (AssistanceKind.InsuranceReduction, InsuranceYuan, s => AssistanceMeasure.ToYuan(s.Fen)),
            (AssistanceKind.Counselling, Counselling, s => s.Count),
            (AssistanceKind.Pairing, Pairings, s => s.Children),
            (AssistanceKind.HomeVisit, HomeVisits, s => s.Count),
        }.ToLookup(f => f.Kind, f => (f.Key, f.Value));

    /// <summary>Each programme's progress: children reached, townships covered, or the sum of counts, by its unit.</summary>
    public static async Task<IReadOnlyList<ProgrammeProgress>> ProgrammeProgressAsync(CoordinationDbContext db, CancellationToken ct)
    {
        var programmes = await db.Programmes.AsNoTracking().OrderBy(p => p.SortOrder).ToListAsync(ct);
        var result = new List<ProgrammeProgress>(programmes.Count);
        foreach (var p in programmes)
        {
            var records = db.AssistanceRecords.Where(r => r.ProgrammeKey == p.Key);
            var count = await records.CountAsync(ct);
            var amount = await records.SumAsync(r => (long?)r.AmountFen, ct) ?? 0;
            var achieved = p.Unit switch
            {
                ProgrammeUnit.Children => await records.Select(r => r.ChildId).Distinct().CountAsync(ct),
                ProgrammeUnit.Townships => await (from r in records join c in db.Children on r.ChildId equals c.Id select c.TownshipKey).Distinct().CountAsync(ct),
                _ => await records.SumAsync(r => (int?)r.Count, ct) ?? 0,
            };
            result.Add(new ProgrammeProgress(p, achieved, count, amount));
        }
        return result;
    }
}
