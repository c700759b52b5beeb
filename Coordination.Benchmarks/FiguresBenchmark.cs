using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Coordination.Core;
using Coordination.Core.Access;
using Coordination.Core.Assistance;
using Coordination.Core.Children;
using Coordination.Core.Data;
using Coordination.Core.Demo;
using Coordination.Core.Figures;
using Coordination.Core.Reference;
using Coordination.Core.Referrals;
using Coordination.Core.Screenings;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Coordination.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project Coordination.Benchmarks -- figures</c>: a city-scale quarter (20,000 children;
/// in the quarter 60,000 screenings, 10,000 referrals, 30,000 assistance records) in a fresh SQLite file; one
/// quarter's computed figures through <see cref="FiguresQueries"/> beside the same grouped counts in raw SQL on
/// Microsoft.Data.Sqlite; the whole report (three quarters and the sign-off) through <see cref="FiguresService"/>;
/// and the quarterly workbook's time and peak memory.
/// </summary>
internal static class FiguresBenchmark
{
    private static readonly Actor Lead = new("civil-affairs", "bench", Role.Lead);
    private static readonly string[] Categories = ["left-behind", "in-difficulty", "de-facto-unsupported", "orphan", "low-income", "disabled", "seriously-ill"];
    private static readonly (string Kind, string Agency)[] Kinds =
        [("household", "civil-affairs"), ("psychological", "womens-federation"), ("health-check", "health"), ("school-survey", "education")];
    private static readonly string[] Money = ["golden-autumn-aid", "insurance-reduction"];
    private static readonly string[] Counted = ["micro-wish", "hope-cabin", "saturday-class", "green-channel", "counselling", "pairing", "home-visit"];

    public static async Task<string> RunAsync(int children, int iterations, TextWriter log, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "coordination-figures-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var connectionString = Database.ConnectionStringFor(Path.Combine(folder, "figures.db"));
            var options = new DbContextOptionsBuilder<CoordinationDbContext>();
            Database.Configure(options, connectionString);
            var factory = new PooledDbContextFactory<CoordinationDbContext>(options.Options);
            var clock = new BoardClock(TimeProvider.System, BoardClock.ChinaStandardTime);
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                await Database.MigrateAsync(db, ct);
                await ReferenceData.LoadAsync(db, ReferenceData.LocateDataDirectory(null, Directory.GetCurrentDirectory(), AppContext.BaseDirectory), ct);
            }
            var quarter = Quarter.Of(clock.Today).Previous;
            log.WriteLine($"Filling {quarter}: {children:N0} children, {children * 3:N0} screenings, {children / 2:N0} referrals, {children / 2 * 3:N0} assistance records ...");
            var fill = Stopwatch.StartNew();
            await FillAsync(factory, clock, quarter, children, ct);
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize; ANALYZE;", ct);
            }
            fill.Stop();
            log.WriteLine($"  filled in {fill.Elapsed.TotalSeconds:0} s");

            var ef = new LatencySamples("FiguresQueries.FillAsync (one quarter, every computed indicator)", "1", iterations);
            var raw = new LatencySamples("raw SQL (the same grouped counts)", "1", iterations);
            var report = new LatencySamples("FiguresService.ReportAsync (quarter, previous, a year earlier, sign-off)", "1", iterations);
            var (start, end) = FiguresQueries.Instants(quarter);
            FigureTable? efTable = null;
            Dictionary<string, decimal>? rawTable = null;
            var figures = new FiguresService(factory, clock);
            for (var i = -3; i < iterations; i++)
            {
                var efMs = await Time(async () =>
                {
                    await using var db = await factory.CreateDbContextAsync(ct);
                    efTable = new FigureTable(quarter);
                    await FiguresQueries.FillAsync(db, quarter, clock.Now, efTable, ct);
                });
                var rawMs = await Time(async () => rawTable = await RawAsync(connectionString, quarter, start, end, ct));
                var reportMs = await Time(() => figures.ReportAsync(Lead, quarter, ct));
                if (i >= 0)
                {
                    ef.Add(efMs);
                    raw.Add(rawMs);
                    report.Add(reportMs);
                }
            }
            // Where one FillAsync's time goes: every command it sends, timed by EF (one run after the measured ones).
            var commands = new CommandTimes();
            var profiled = new DbContextOptionsBuilder<CoordinationDbContext>();
            Database.Configure(profiled, connectionString);
            profiled.AddInterceptors(commands);
            await using (var db = new CoordinationDbContext(profiled.Options))
            {
                await FiguresQueries.FillAsync(db, quarter, clock.Now, new FigureTable(quarter), ct);
            }

            var mismatches = rawTable!.Where(kv => efTable!.Total(kv.Key) != kv.Value).Select(kv => $"{kv.Key}: EF {efTable!.Total(kv.Key)}, raw {kv.Value}").ToList();
            log.WriteLine(Inv($"  figures: EF p50 {ef.P50:0} ms p95 {ef.P95:0} ms; raw p50 {raw.P50:0} ms p95 {raw.P95:0} ms; report p95 {report.P95:0} ms"));

            var workbook = new LatencySamples("FiguresService.WriteWorkbookAsync", "1", 5);
            // The first workbook after start-up also loads and compiles ClosedXML and OpenXML: timed, shown, not a sample.
            double coldWorkbook;
            using (var cold = new MemoryStream())
            {
                coldWorkbook = await Time(() => figures.WriteWorkbookAsync(Lead, quarter, cold, ct));
            }
            log.WriteLine(Inv($"  first workbook (cold): {coldWorkbook:0} ms"));
            long peakManaged = 0;
            long workbookBytes = 0;
            var before = GC.GetTotalMemory(forceFullCollection: true);
            Process.GetCurrentProcess().Refresh();
            var workingBefore = Process.GetCurrentProcess().WorkingSet64;
            long peakWorking = workingBefore;
            for (var i = 0; i < 5; i++)
            {
                using var sampling = new CancellationTokenSource();
                var sampler = Task.Run(async () =>
                {
                    var process = Process.GetCurrentProcess();
                    while (!sampling.IsCancellationRequested)
                    {
                        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(false));
                        process.Refresh();
                        peakWorking = Math.Max(peakWorking, process.WorkingSet64);
                        try { await Task.Delay(5, sampling.Token); } catch (OperationCanceledException) { }
                    }
                }, CancellationToken.None);
                using var file = new MemoryStream();
                workbook.Add(await Time(() => figures.WriteWorkbookAsync(Lead, quarter, file, ct)));
                workbookBytes = file.Length;
                await sampling.CancelAsync();
                await sampler;
            }
            log.WriteLine(Inv($"  workbook: p50 {workbook.P50:0} ms, peak managed heap {(peakManaged - before) / 1048576.0:0} MiB above the start"));

            // Where the workbook's time goes (one run, each part alone): the report, the referral lines, ClosedXML.
            var stages = new List<(string What, double Ms)>();
            FiguresReport? staged = null;
            IReadOnlyList<QuarterReferralLine>? lines = null;
            stages.Add(("FiguresService.ReportAsync (three quarters, sign-off)", await Time(async () => staged = await figures.ReportAsync(Lead, quarter, ct))));
            stages.Add(("the quarter's referral lines", await Time(async () => lines = await figures.ReferralLinesAsync(quarter, ct))));
            stages.Add(("QuarterlyWorkbook.Write (ClosedXML: cells, styles, formulas evaluated, saved)", await Time(() =>
            {
                using var file = new MemoryStream();
                Coordination.Core.Export.QuarterlyWorkbook.Write(staged!, lines!, "bench", file);
                return Task.CompletedTask;
            })));
            stages.Add(("  of which without the referral lines", await Time(() =>
            {
                using var file = new MemoryStream();
                Coordination.Core.Export.QuarterlyWorkbook.Write(staged!, [], "bench", file);
                return Task.CompletedTask;
            })));
            return Render(quarter, children, iterations, fill.Elapsed, ef, raw, report, workbook, workbookBytes, before, peakManaged, workingBefore, peakWorking, mismatches, commands, stages, coldWorkbook);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                // COORDINATION_BENCH_KEEP=1 keeps the city-scale database, to look at query plans with sqlite3.
                if (Environment.GetEnvironmentVariable("COORDINATION_BENCH_KEEP") == "1")
                {
                    log.WriteLine($"  kept {folder}");
                }
                else
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Children over all 27 areas enrolled before the quarter; in it, 3 screenings each, a referral for every other child, 3 assistance records for the others.</summary>
    private static async Task FillAsync(IDbContextFactory<CoordinationDbContext> factory, BoardClock clock, Quarter quarter, int children, CancellationToken ct)
    {
        var random = new Random(10);
        var now = clock.Now;
        List<string> townships;
        await using (var db = await factory.CreateDbContextAsync(ct))
        {
            townships = await db.Townships.OrderBy(t => t.SortOrder).Select(t => t.Key).ToListAsync(ct);
        }
        var used = new HashSet<string>(StringComparer.Ordinal);
        var due = new ReferralDueTimes();
        var days = quarter.LastDay.DayNumber - quarter.FirstDay.DayNumber + 1;
        DateOnly InQuarter() => quarter.FirstDay.AddDays(random.Next(days));
        const int batch = 2_000;
        for (var first = 0; first < children; first += batch)
        {
            await using var db = await factory.CreateDbContextAsync(ct);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(children, first + batch); i++)
            {
                var birth = quarter.FirstDay.AddDays(-random.Next(365, 17 * 365));
                var sex = random.Next(2) == 0 ? Sex.F : Sex.M;
                var categories = Categories.Where((_, k) => random.Next(k == 0 ? 2 : 9) == 0).DefaultIfEmpty("left-behind").ToList();
                string id;
                do { id = DemoData.MakeResidentId(birth, sex, random, used); } while (id.Length != 18);
                var enrolled = random.Next(5) == 0 ? InQuarter() : quarter.FirstDay.AddDays(-random.Next(1, 400));
                var child = Child.Register(new NewChild("测" + i.ToString(CultureInfo.InvariantCulture), sex.ToString(), birth, id, townships[i % townships.Count], categories),
                    new Actor("civil-affairs", "bench"), enrolled, now);
                db.Children.Add(child);
                // A risk history: one in eight children assessed high or urgent some time before or in the quarter,
                // some of them lowered again within it.
                if (random.Next(8) == 0)
                {
                    child.ApplyRisk(random.Next(3) == 0 ? RiskLevel.Urgent : RiskLevel.High, enrolled);
                    if (random.Next(3) == 0)
                    {
                        child.ApplyRisk(RiskLevel.Medium, InQuarter());
                    }
                }
                for (var s = 0; s < 3; s++)
                {
                    var (kind, agency) = Kinds[random.Next(Kinds.Length)];
                    db.Screenings.Add(Screening.Record(child, new RecordScreening(kind, InQuarter(), child.Id, null, "low", [], "bench"), new Actor(agency, "bench"), now));
                }
                if (i % 2 == 1)
                {
                    var sent = new DateTimeOffset(InQuarter().ToDateTime(new TimeOnly(9, 0)), TimeSpan.FromHours(8));
                    var referral = Referral.Create(child.Id, new Actor("education", "bench"), "womens-federation", Need.Psychological, ReferralUrgency.Normal, null, due.Normal, sent);
                    if (random.Next(2) == 0)
                    {
                        referral.Accept(new Actor("womens-federation", "bench"), sent.AddHours(random.Next(1, 100)));
                        if (random.Next(2) == 0)
                        {
                            referral.Complete(new Actor("womens-federation", "bench"), "完成", sent.AddDays(random.Next(5, 20)));
                        }
                    }
                    db.Referrals.Add(referral);
                }
                else
                {
                    for (var a = 0; a < 3; a++)
                    {
                        var money = random.Next(4) == 0;
                        var kind = money ? Money[random.Next(Money.Length)] : Counted[random.Next(Counted.Length)];
                        db.AssistanceRecords.Add(AssistanceRecord.Record(child.Id,
                            new RecordAssistance(child.Id, kind, null, InQuarter(), money ? null : random.Next(1, 4), money ? random.Next(100, 3000) : null, null),
                            new Actor("civil-affairs", "bench"), now));
                    }
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync(ct);
        }
    }

    /// <summary>The grouped counts of one quarter, by hand: register, enrolments, screenings, risk, referrals, assistance (city totals by key).</summary>
    private static async Task<Dictionary<string, decimal>> RawAsync(string connectionString, Quarter quarter, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var totals = new Dictionary<string, decimal>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(ct);
        var toBinary = new DateTimeOffsetToBinaryConverter();
        var first = quarter.FirstDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var last = quarter.LastDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        async Task ReadAsync(string sql, Action<SqliteDataReader> row)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Parameters.AddWithValue("$first", first);
            command.Parameters.AddWithValue("$last", last);
            command.Parameters.AddWithValue("$start", toBinary.ConvertToProvider(start));
            command.Parameters.AddWithValue("$end", toBinary.ConvertToProvider(end));
            command.Parameters.AddWithValue("$merged", (int)ChildStatus.Merged);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                row(reader);
            }
        }
        void Add(string key, decimal value) => totals[key] = totals.GetValueOrDefault(key) + value;

        await ReadAsync("""
            SELECT c.TownshipKey, e.Category, COUNT(*) FROM ChildCategories e JOIN Children c ON e.ChildId = c.Id
            WHERE e.EnrolledOn <= $last AND c.Status <> $merged AND (c.ClosedOn IS NULL OR c.ClosedOn > $last)
            GROUP BY c.TownshipKey, e.Category
            """, r => Add(IndicatorCatalogue.RegisterKey((ChildCategory)r.GetInt32(1)), r.GetInt32(2)));
        await ReadAsync("""
            SELECT c.TownshipKey, e.Category, COUNT(*) FROM ChildCategories e JOIN Children c ON e.ChildId = c.Id
            WHERE e.EnrolledOn >= $first AND e.EnrolledOn <= $last AND c.Status <> $merged
            GROUP BY c.TownshipKey, e.Category
            """, r => Add(IndicatorCatalogue.EnrolledKey((ChildCategory)r.GetInt32(1)), r.GetInt32(2)));
        await ReadAsync("""
            SELECT c.TownshipKey, s.Kind, COUNT(*) FROM Screenings s JOIN Children c ON s.ChildId = c.Id
            WHERE s.Date >= $first AND s.Date <= $last GROUP BY c.TownshipKey, s.Kind
            """, r => Add(IndicatorCatalogue.ScreeningsKey((ScreeningKind)r.GetInt32(1)), r.GetInt32(2)));
        await ReadAsync("""
            SELECT c.TownshipKey, SUM(CASE WHEN COALESCE((SELECT r.Level FROM ChildRiskChanges r WHERE r.ChildId = c.Id AND r.Since <= $last
                ORDER BY r.Since DESC, r.Id DESC LIMIT 1), 0) >= 3 THEN 1 ELSE 0 END) FROM Children c
            WHERE c.Status <> $merged AND (c.ClosedOn IS NULL OR c.ClosedOn > $last)
              AND EXISTS (SELECT 1 FROM ChildCategories e WHERE e.ChildId = c.Id AND e.EnrolledOn <= $last)
            GROUP BY c.TownshipKey
            """, r => Add(IndicatorCatalogue.HighRisk, r.GetInt32(1)));
        await ReadAsync("""
            SELECT c.TownshipKey, COUNT(*) FROM Referrals r JOIN Children c ON r.ChildId = c.Id
            WHERE r.CreatedAt >= $start AND r.CreatedAt < $end GROUP BY c.TownshipKey
            """, r => Add(IndicatorCatalogue.ReferralsSent, r.GetInt32(1)));
        await ReadAsync("""
            SELECT c.TownshipKey, COUNT(*) FROM Referrals r JOIN Children c ON r.ChildId = c.Id
            WHERE r.AcceptedAt >= $start AND r.AcceptedAt < $end GROUP BY c.TownshipKey
            """, r => Add(IndicatorCatalogue.ReferralsAccepted, r.GetInt32(1)));
        await ReadAsync("""
            SELECT a.Kind, c.TownshipKey, COUNT(*), SUM(a.Count), SUM(a.AmountFen), COUNT(DISTINCT a.ChildId)
            FROM AssistanceRecords a JOIN Children c ON a.ChildId = c.Id
            WHERE a.Date >= $first AND a.Date <= $last GROUP BY c.TownshipKey, a.Kind
            """, r =>
            {
                var kind = (AssistanceKind)r.GetInt32(0);
                var (records, count, fen, distinct) = (r.GetInt32(2), r.GetInt32(3), r.GetInt64(4), r.GetInt32(5));
                switch (kind)
                {
                    case AssistanceKind.MicroWish: Add(IndicatorCatalogue.MicroWishes, count); Add(IndicatorCatalogue.MicroWishChildren, distinct); break;
                    case AssistanceKind.HopeCabin: Add(IndicatorCatalogue.HopeCabins, count); break;
                    case AssistanceKind.SaturdayClass: Add(IndicatorCatalogue.SaturdayAttendances, count); Add(IndicatorCatalogue.SaturdayTownships, 1); break;
                    case AssistanceKind.GoldenAutumnAid: Add(IndicatorCatalogue.GoldenAutumnPupils, distinct); Add(IndicatorCatalogue.GoldenAutumnYuan, fen / 100m); break;
                    case AssistanceKind.GreenChannel: Add(IndicatorCatalogue.GreenChannel, count); break;
                    case AssistanceKind.InsuranceReduction: Add(IndicatorCatalogue.InsuranceCases, records); Add(IndicatorCatalogue.InsuranceYuan, fen / 100m); break;
                    case AssistanceKind.Counselling: Add(IndicatorCatalogue.Counselling, count); break;
                    case AssistanceKind.Pairing: Add(IndicatorCatalogue.Pairings, distinct); break;
                    case AssistanceKind.HomeVisit: Add(IndicatorCatalogue.HomeVisits, count); break;
                }
            });
        return totals;
    }

    private static async Task<double> Time(Func<Task> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static string Render(Quarter quarter, int children, int iterations, TimeSpan fill, LatencySamples ef, LatencySamples raw, LatencySamples report,
        LatencySamples workbook, long workbookBytes, long managedBefore, long peakManaged, long workingBefore, long peakWorking, List<string> mismatches, CommandTimes commands, List<(string What, double Ms)> stages, double coldWorkbook)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Figures benchmark");
        sb.AppendLine();
        sb.AppendLine(Inv($"- {quarter}: {children:N0} children; in the quarter {children * 3:N0} screenings, {children / 2:N0} referrals, {children / 2 * 3:N0} assistance records; a fresh SQLite file (WAL, synchronous=FULL), filled in {fill.TotalSeconds:0} s."));
        sb.AppendLine(Inv($"- Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; {iterations} runs after 3 warm-ups."));
        sb.AppendLine("- Raw SQL covers the grouped counts of the register, enrolments, screenings, risk, referrals sent/accepted and assistance; EF's side also computes declined/completed/overdue referrals, the median, the Hope Cabin target, the five clears and contact cards (so EF does more queries than the raw side).");
        sb.AppendLine();
        sb.AppendLine("| what | p50 ms | p95 ms |");
        sb.AppendLine("|---|---:|---:|");
        foreach (var s in new[] { ef, raw, report, workbook })
        {
            sb.AppendLine(Inv($"| {s.Target} | {s.P50:0} | {s.P95:0} |"));
        }
        sb.AppendLine();
        sb.AppendLine(Inv($"- EF/raw p50: {ef.P50 / raw.P50:0.0}×. Goal figures ≤ 500 ms and ≤ 2× raw SQL: {(ef.P95 <= 500 && ef.P50 <= 2 * raw.P50 ? "met" : "NOT met")}."));
        sb.AppendLine(Inv($"- Workbook: {workbookBytes / 1024.0:0} KiB; managed heap peak {(peakManaged - managedBefore) / 1048576.0:0} MiB above the start; process working set peak {peakWorking / 1048576.0:0} MiB (start {workingBefore / 1048576.0:0} MiB, the register's data and EF included). Goal ≤ 3 s and ≤ 300 MB: {(workbook.P95 <= 3000 && (peakManaged - managedBefore) <= 300L * 1024 * 1024 ? "met" : "NOT met")}."));
        sb.AppendLine(mismatches.Count == 0 ? "- The raw SQL totals equal EF's for every key they cover." : "- Totals that differ: " + string.Join("; ", mismatches));
        sb.AppendLine();
        sb.AppendLine(Inv($"- The workbook's samples follow one unmeasured first workbook ({coldWorkbook:0} ms: it also loads and compiles ClosedXML and OpenXML, once per server start)."));
        sb.AppendLine();
        sb.AppendLine("Where the workbook's time goes (one run, each part alone; the service reads the report and the referral lines side by side):");
        sb.AppendLine();
        sb.AppendLine("| part | ms |");
        sb.AppendLine("|---|---:|");
        foreach (var (what, ms) in stages)
        {
            sb.AppendLine(Inv($"| {what} | {ms:0} |"));
        }
        sb.AppendLine();
        sb.AppendLine(Inv($"Where one FillAsync's time goes ({commands.All.Count} commands, {commands.All.Sum(c => c.Ms):0} ms in SQLite as EF timed them):"));
        sb.AppendLine();
        sb.AppendLine("| ms | command (first 110 characters) |");
        sb.AppendLine("|---:|---|");
        foreach (var (sql, ms) in commands.All.OrderByDescending(c => c.Ms))
        {
            var line = string.Join(' ', sql.Split((char[])['\n', '\r', ' '], StringSplitOptions.RemoveEmptyEntries));
            sb.AppendLine(Inv($"| {ms:0.0} | `{(line.Length > 110 ? line[..110] + "…" : line).Replace("|", "\\|", StringComparison.Ordinal)}` |"));
        }
        return sb.ToString();
    }

    /// <summary>Each command's text and duration, from the reader being opened to it being closed.</summary>
    private sealed class CommandTimes : DbCommandInterceptor
    {
        private readonly Dictionary<System.Data.Common.DbDataReader, (string Sql, long Started)> _open = [];

        public List<(string Sql, double Ms)> All { get; } = [];

        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command, CommandExecutedEventData eventData,
            System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            _open[result] = (command.CommandText, Stopwatch.GetTimestamp() - eventData.Duration.Ticks * Stopwatch.Frequency / TimeSpan.TicksPerSecond);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult> DataReaderClosingAsync(System.Data.Common.DbCommand command, DataReaderClosingEventData eventData, InterceptionResult result)
        {
            if (_open.Remove(eventData.DataReader, out var started))
            {
                All.Add((started.Sql, Stopwatch.GetElapsedTime(started.Started).TotalMilliseconds));
            }
            return ValueTask.FromResult(result);
        }
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
