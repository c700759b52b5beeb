using static Coordination.Core.Figures.IndicatorCatalogue;

namespace Coordination.Core.Figures;

/// <summary>
/// 明细 — the records a computed figure counts, selected by the same conditions as <see cref="FiguresQueries"/>
/// (dated within the quarter, of the indicator's kind). Figures of state at quarter end (the register, risk,
/// overdue referrals, the five clears) are no list of records and are not offered.
/// </summary>
internal static class FigureRecordQueries
{
    public const int MaxLines = 500;

    private static readonly Dictionary<string, AssistanceKind> ByAssistance = new(StringComparer.Ordinal)
    {
        [MicroWishes] = AssistanceKind.MicroWish,
        [MicroWishChildren] = AssistanceKind.MicroWish,
        [HopeCabins] = AssistanceKind.HopeCabin,
        [SaturdayAttendances] = AssistanceKind.SaturdayClass,
        [SaturdayTownships] = AssistanceKind.SaturdayClass,
        [GoldenAutumnPupils] = AssistanceKind.GoldenAutumnAid,
        [GoldenAutumnYuan] = AssistanceKind.GoldenAutumnAid,
        [GreenChannel] = AssistanceKind.GreenChannel,
        [InsuranceCases] = AssistanceKind.InsuranceReduction,
        [InsuranceYuan] = AssistanceKind.InsuranceReduction,
        [Counselling] = AssistanceKind.Counselling,
        [Pairings] = AssistanceKind.Pairing,
        [HomeVisits] = AssistanceKind.HomeVisit,
    };

    public static bool Supports(string key) =>
        ByAssistance.ContainsKey(key) || key == ReferralsSent
        || EnumKeys.All<ScreeningKind>().Any(k => ScreeningsKey(k) == key)
        || EnumKeys.All<ChildCategory>().Any(c => EnrolledKey(c) == key);

    public static async Task<FigureRecords> ListAsync(CoordinationDbContext db, Quarter quarter, string key, string? township, CancellationToken ct)
    {
        var first = quarter.FirstDay;
        var last = quarter.LastDay;
        IQueryable<Row> rows;
        if (ByAssistance.TryGetValue(key, out var assistanceKind))
        {
            rows = from a in db.AssistanceRecords
                   join c in db.Children on a.ChildId equals c.Id
                   where a.Kind == assistanceKind && a.Date >= first && a.Date <= last
                   select new Row { Date = a.Date, Name = c.Name, Township = c.TownshipKey, Agency = a.AgencyKey, Kind = (int)a.Kind, Count = a.Count, Fen = a.AmountFen };
        }
        else if (EnumKeys.All<ScreeningKind>().FirstOrDefault(k => ScreeningsKey(k) == key) is var kind && kind != default)
        {
            rows = from s in db.Screenings
                   join c in db.Children on s.ChildId equals c.Id
                   where s.Kind == kind && s.Date >= first && s.Date <= last
                   select new Row { Date = s.Date, Name = c.Name, Township = c.TownshipKey, Agency = s.AgencyKey, Kind = (int)s.Kind, Count = 1, Fen = 0 };
        }
        else if (EnumKeys.All<ChildCategory>().FirstOrDefault(c => EnrolledKey(c) == key) is var category && category != default)
        {
            rows = from e in db.ChildCategories
                   join c in db.Children on e.ChildId equals c.Id
                   where e.Category == category && e.EnrolledOn >= first && e.EnrolledOn <= last && c.Status != ChildStatus.Merged
                   select new Row { Date = e.EnrolledOn, Name = c.Name, Township = c.TownshipKey, Agency = e.AgencyKey, Kind = (int)e.Category, Count = 1, Fen = 0 };
        }
        else if (key == ReferralsSent)
        {
            var (start, end) = FiguresQueries.Instants(quarter);
            var referrals = await (
                    from r in db.Referrals
                    join c in db.Children on r.ChildId equals c.Id
                    where r.CreatedAt >= start && r.CreatedAt < end && (township == null || c.TownshipKey == township)
                    orderby r.CreatedAt
                    select new { r.CreatedAt, c.Name, c.TownshipKey, r.FromAgencyKey, r.ToAgencyKey })
                .ToListAsync(ct);
            return new FigureRecords(quarter, key, referrals.Count, referrals.Take(MaxLines)
                .Select(r => new FigureRecordLine(DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(r.CreatedAt, BoardClock.ChinaStandardTime).DateTime),
                    PersonName.Mask(r.Name), r.TownshipKey, r.FromAgencyKey, r.ToAgencyKey, 1))
                .ToList());
        }
        else
        {
            throw new DomainException("Error.Figures.NoRecords", $"{key} is not a figure of records.");
        }
        if (township is not null)
        {
            rows = rows.Where(r => r.Township == township);
        }
        var total = await rows.CountAsync(ct);
        var lines = await rows.OrderBy(r => r.Date).Take(MaxLines).ToListAsync(ct);
        return new FigureRecords(quarter, key, total, lines.Select(r => new FigureRecordLine(r.Date, PersonName.Mask(r.Name), r.Township, r.Agency,
                ByAssistance.ContainsKey(key) ? ((AssistanceKind)r.Kind).Key() : key.StartsWith("screenings.", StringComparison.Ordinal) ? ((ScreeningKind)r.Kind).Key() : ((ChildCategory)r.Kind).Key(),
                r.Fen != 0 ? AssistanceMeasure.ToYuan(r.Fen) : r.Count))
            .ToList());
    }

    private sealed class Row
    {
        public DateOnly Date { get; init; }
        public string Name { get; init; } = "";
        public string Township { get; init; } = "";
        public string Agency { get; init; } = "";
        public int Kind { get; init; }
        public int Count { get; init; }
        public long Fen { get; init; }
    }
}
