using Microsoft.Data.Sqlite;

namespace Coordination.Core.Figures;

/// <summary>
/// 季度数据 — the one service every face reads a quarter's figures from: /figures, the API, the CLI and the
/// workbook. Values come from <see cref="FiguresQueries"/>, read in one transaction so that they agree.
/// </summary>
public sealed class FiguresService(IDbContextFactory<CoordinationDbContext> dbFactory, BoardClock clock)
{
    /// <summary>The quarter /figures opens on: the last one that has ended.</summary>
    public Quarter LastFinishedQuarter => Quarter.Of(clock.Today).Previous;

    /// <summary>The quarter in progress (figures to date).</summary>
    public Quarter CurrentQuarter => Quarter.Of(clock.Today);

    /// <summary>
    /// Reads a quarter as typed by a person or a program: a malformed one, one in the future, or one before the
    /// register's first record is refused naming the field <c>quarter</c>.
    /// </summary>
    public async Task<Quarter> ParseQuarterAsync(string? text, CancellationToken ct = default)
    {
        var errors = new InputErrors();
        if (string.IsNullOrWhiteSpace(text) || !Quarter.TryParse(text.Trim(), out var quarter))
        {
            errors.Add("quarter", string.IsNullOrWhiteSpace(text) ? "Error.Quarter.Required" : "Error.Quarter.Malformed");
            throw new InvalidInputException(errors);
        }
        if (quarter.CompareTo(CurrentQuarter) > 0)
        {
            errors.Add("quarter", "Error.Quarter.Future");
            throw new InvalidInputException(errors);
        }
        if (quarter.CompareTo(await FirstQuarterAsync(ct)) < 0)
        {
            errors.Add("quarter", "Error.Quarter.BeforeRegister");
            throw new InvalidInputException(errors);
        }
        return quarter;
    }

    /// <summary>The first quarter the register holds anything for (the current one for an empty register).</summary>
    public async Task<Quarter> FirstQuarterAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var enrolled = await db.ChildCategories.MinAsync(e => (DateOnly?)e.EnrolledOn, ct);
        var screened = await db.Screenings.MinAsync(s => (DateOnly?)s.Date, ct);
        var assisted = await db.AssistanceRecords.MinAsync(a => (DateOnly?)a.Date, ct);
        var first = new[] { enrolled, screened, assisted }.Where(d => d is not null).Select(d => d!.Value).DefaultIfEmpty(clock.Today).Min();
        return Quarter.Of(first);
    }

    /// <summary>The quarter's figures beside the previous quarter and the same quarter a year earlier.</summary>
    public async Task<FiguresReport> ReportAsync(Actor actor, Quarter quarter, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanReadFigures(actor), "read the figures");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        // One deferred read transaction: the three quarters are read from the same state of the file.
        await using var tx = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(tx, ct);
        // A locked quarter reads its stored values; what arrived later shows beside them as the difference.
        var (current, afterLock, _) = await SignOffQueries.ShownAsync(db, quarter, clock.Now, ct);
        var (previous, _, _) = await SignOffQueries.ShownAsync(db, quarter.Previous, clock.Now, ct);
        var (yearEarlier, _, _) = await SignOffQueries.ShownAsync(db, new Quarter(quarter.Year - 1, quarter.Number), clock.Now, ct);
        var signOff = await SignOffQueries.StateAsync(db, quarter, ct);
        var agencies = (await db.Agencies.AsNoTracking().OrderBy(a => a.SortOrder).ToListAsync(ct))
            .Where(a => IndicatorCatalogue.AgencyOrder.Contains(a.Key))
            .Select(a => new FiguresAgency(a.Key, a.Name, a.NameEn))
            .ToList();
        var areas = (await db.Townships.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(ct))
            .Select(t => new FiguresArea(t.Key, t.Name, t.NameEn))
            .ToList();
        await tx.CommitAsync(ct);
        return new FiguresReport(quarter, current, previous, yearEarlier, agencies, areas, clock.Now, signOff, afterLock);
    }

    /// <summary>The last <paramref name="count"/> quarters up to <paramref name="quarter"/>, oldest first (trend charts).</summary>
    public async Task<IReadOnlyList<FigureTable>> TrendAsync(Actor actor, Quarter quarter, int count = 8, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanReadFigures(actor), "read the figures");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var quarters = new List<Quarter> { quarter };
        while (quarters.Count < count)
        {
            quarters.Insert(0, quarters[0].Previous);
        }
        var tables = new List<FigureTable>(count);
        foreach (var q in quarters)
        {
            tables.Add((await SignOffQueries.ShownAsync(db, q, clock.Now, ct)).Shown);
        }
        return tables;
    }

    /// <summary>
    /// How far each programme has come, for the wall display and /figures (aggregates only, no child is named):
    /// the one public place programme progress is read from.
    /// </summary>
    public async Task<IReadOnlyList<ProgrammeProgress>> ProgrammeProgressAsync(Actor actor, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanReadFigures(actor), "read the figures");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await FiguresQueries.ProgrammeProgressAsync(db, ct);
    }

    /// <summary>Whether a computed figure has a list of records behind it (figures of state at quarter end do not).</summary>
    public static bool HasRecords(string indicatorKey) => FigureRecordQueries.Supports(indicatorKey);

    /// <summary>
    /// 明细 — the records behind a computed figure, names masked, for those who may list the register (a
    /// township supervisor its own township's only); the opening is audited. The records as they are now: for a
    /// locked quarter they include what arrived after the lock.
    /// </summary>
    public async Task<FigureRecords> RecordsAsync(Actor actor, Quarter quarter, string indicatorKey, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanOpenFigureRecords(actor), "open the records behind a figure");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var records = await FigureRecordQueries.ListAsync(db, quarter, indicatorKey, Rights.ConfinedTo(actor), ct);
        db.AuditEntries.Add(Audit.AuditEntry.Of(actor, Audit.AuditActions.FigureRecordsOpened, clock.Now, "Figure", $"{quarter}/{indicatorKey}"));
        await db.SaveChangesAsync(ct);
        return records;
    }

    /// <summary>
    /// Writes the quarterly workbook of <paramref name="quarter"/> to <paramref name="output"/>: the one way out for
    /// the API, the CLI and the page's download, so that the three give the same cells.
    /// </summary>
    public async Task WriteWorkbookAsync(Actor actor, Quarter quarter, Stream output, CancellationToken ct = default)
    {
        Rights.Require(Rights.CanExport(actor), "export the quarterly workbook");
        // The figures and the referral lines are read side by side, each on its own connection.
        var report = ReportAsync(actor, quarter, ct);
        var referrals = ReferralLinesAsync(quarter, ct);
        Export.QuarterlyWorkbook.Write(await report, await referrals, actor.Person, output);
    }

    /// <summary>The referrals sent in the quarter, oldest first, the child's name masked.</summary>
    internal async Task<IReadOnlyList<QuarterReferralLine>> ReferralLinesAsync(Quarter quarter, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var (start, end) = FiguresQueries.Instants(quarter);
        var rows = await (
                from r in db.Referrals.AsNoTracking()
                join c in db.Children on r.ChildId equals c.Id
                where r.CreatedAt >= start && r.CreatedAt < end
                orderby r.CreatedAt, r.Id
                select new { r.CreatedAt, c.Name, c.TownshipKey, r.FromAgencyKey, r.ToAgencyKey, r.Need, r.Urgency, r.Status, r.AcceptedAt, r.ClosedAt, r.CompletedOnTime })
            .ToListAsync(ct);
        return rows.Select(r => new QuarterReferralLine(r.CreatedAt, Children.PersonName.Mask(r.Name), r.TownshipKey, r.FromAgencyKey, r.ToAgencyKey,
                r.Need, r.Urgency, r.Status, r.AcceptedAt, r.ClosedAt, r.CompletedOnTime))
            .ToList();
    }

    /// <summary>The quarter's figures as the records stand now (what a lock would store), reported values included.</summary>
    internal async Task<FigureTable> LiveAsync(CoordinationDbContext db, Quarter quarter, CancellationToken ct) =>
        await SignOffQueries.LiveAsync(db, quarter, clock.Now, ct);
}
