using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Coordination.Core;
using Coordination.Core.Board;
using Coordination.Core.Data;
using Coordination.Core.Demo;
using Coordination.Core.Reference;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Coordination.Benchmarks;

/// <summary>
/// <c>-- snapshot [--children 20000] [--years 2] [--iterations 50]</c>: the board snapshot (what the board page loads,
/// <see cref="BoardSnapshotService"/>) computed for a reader of the whole city on the <c>seed-demo</c> city, beside
/// the same reads by hand in raw SQL (<see cref="RawSnapshotSql"/>).
/// </summary>
internal static class SnapshotBenchmark
{
    public const double GoalMs = 50;
    public const double GoalRatio = 1.5;

    /// <summary>A liaison of civil affairs: an agency reader, who sees the whole city's lines.</summary>
    private static readonly Actor Reader = new("civil-affairs", "bench", Coordination.Core.Access.Role.Liaison);

    private const string Usage = "usage: -- snapshot [--children N] [--years N] [--iterations N]";

    public static async Task<int> MainAsync(string[] args)
    {
        int children = 20_000, years = 2, iterations = 50;
        for (var i = 0; i < args.Length; i += 2)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0)
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }
            switch (args[i])
            {
                case "--children": children = n; break;
                case "--years": years = n; break;
                case "--iterations": iterations = n; break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var report = await RunAsync(children, years, iterations, Console.Out, cts.Token);
        await BenchmarkMain.SaveReportAsync("snapshot.md", report);
        return 0;
    }

    public static async Task<string> RunAsync(int children, int years, int iterations, TextWriter log, CancellationToken ct)
    {
        var at = DateTimeOffset.UtcNow;
        var folder = Path.Combine(Path.GetTempPath(), "coordination-snapshot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var connectionString = Database.ConnectionStringFor(Path.Combine(folder, "city.db"));
            var options = new DbContextOptionsBuilder<CoordinationDbContext>();
            Database.Configure(options, connectionString);
            var factory = new PooledDbContextFactory<CoordinationDbContext>(options.Options);
            var clock = new BoardClock(TimeProvider.System, BoardClock.ChinaStandardTime);
            log.WriteLine($"Generating the city (seed-demo's CityGenerator): {children:N0} children, {years} years ...");
            var fill = Stopwatch.StartNew();
            CityCounts counts;
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                await Database.MigrateAsync(db, ct);
                await ReferenceData.LoadAsync(db, ReferenceData.LocateDataDirectory(null, Directory.GetCurrentDirectory(), AppContext.BaseDirectory), ct);
                counts = await CityGenerator.GenerateAsync(db, clock, children, years, seed: 7, ct: ct);
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize; ANALYZE;", ct);
            }
            fill.Stop();
            log.WriteLine(Inv($"  {counts.Children:N0} children, {counts.Screenings:N0} screenings, {counts.Referrals:N0} referrals, {counts.AssistanceRecords:N0} assistance records, {counts.Events:N0} events in {fill.Elapsed.TotalSeconds:0} s"));

            if (Environment.GetEnvironmentVariable("COORDINATION_BENCH_SQL") == "1")
            {
                // Every command the snapshot sends, with its time: which of its queries cost what.
                options.LogTo(log.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted], Microsoft.Extensions.Logging.LogLevel.Information);
                factory = new PooledDbContextFactory<CoordinationDbContext>(options.Options);
            }
            var raw = new RawSnapshotSql(connectionString);
            var ef = new LatencySamples("BoardSnapshotService.GetLatestAsync (city-wide reader, not cached)", "1", iterations);
            var sql = new LatencySamples("raw SQL (the same reads)", "1", iterations);
            BoardSnapshot? snapshot = null;
            RawSnapshotSql.Totals? totals = null;
            for (var i = -5; i < iterations; i++)
            {
                // A new service each time: the real one keeps the snapshot of the newest event, and what is measured is
                // its computation, as after every event (or at the first board's load).
                async Task<double> Ef()
                {
                    using var service = new BoardSnapshotService(factory, clock);
                    var start = Stopwatch.GetTimestamp();
                    snapshot = await service.GetLatestAsync(Reader, ct);
                    return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
                async Task<double> Raw()
                {
                    var start = Stopwatch.GetTimestamp();
                    totals = await raw.ComputeAsync(clock.Today, clock.Now, ct);
                    return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                }
                // Alternate which goes first so caches warm both alike.
                double efMs, rawMs;
                if (i % 2 == 0)
                {
                    efMs = await Ef();
                    rawMs = await Raw();
                }
                else
                {
                    rawMs = await Raw();
                    efMs = await Ef();
                }
                if (i >= 0)
                {
                    ef.Add(efMs);
                    sql.Add(rawMs);
                }
            }
            var s = snapshot!;
            var mine = new RawSnapshotSql.Totals(s.Sequence, s.Kpis.ActiveChildren, s.Kpis.HighRiskChildren, s.Kpis.ScreeningsThisMonth,
                s.Kpis.ScreeningsThisQuarter, s.Overdue.Total, s.Columns.Sum(c => c.Latest.Count) + s.Feed.Count + s.Overdue.Latest.Count);
            var agree = mine == totals;
            log.WriteLine(Inv($"  EF p50 {ef.P50:0.0} ms p95 {ef.P95:0.0} ms; raw p50 {sql.P50:0.0} ms p95 {sql.P95:0.0} ms; {(agree ? "same board" : "DIFFERENT boards")}"));
            return Render(at, counts, fill.Elapsed, iterations, ef, sql, mine, totals!);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (Environment.GetEnvironmentVariable("COORDINATION_BENCH_KEEP") == "1")
            {
                log.WriteLine($"  kept {folder}");
            }
            else
            {
                try
                {
                    Directory.Delete(folder, recursive: true);
                }
                catch (IOException)
                {
                }
            }
        }
    }

    private static string Render(DateTimeOffset at, CityCounts counts, TimeSpan fill, int iterations, LatencySamples ef, LatencySamples raw,
        RawSnapshotSql.Totals board, RawSnapshotSql.Totals rawTotals)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Board snapshot at city scale");
        sb.AppendLine();
        sb.AppendLine(Inv($"- Run: {at:yyyy-MM-dd HH:mm} UTC. The `seed-demo` city (CityGenerator, seed 7) in a fresh SQLite file: {counts.Children:N0} children, {counts.Screenings:N0} screenings, {counts.Referrals:N0} referrals, {counts.AssistanceRecords:N0} assistance records, {counts.Events:N0} board events; generated in {fill.TotalSeconds:0} s, then `ANALYZE`."));
        sb.AppendLine(Inv($"- Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; other work shares the machine, so the figures are pessimistic."));
        sb.AppendLine(Inv($"- {iterations} computations each (after 5 warm-up), EF and raw alternating. **EF**: a new `BoardSnapshotService` each time (the app's keeps the newest snapshot; this is its computation, as after each event), `GetLatestAsync` for a liaison of civil affairs (the whole city's lines): the tiles, the four agency columns (8 lines each), the feed (30), the townships and the overdue referrals (20), in one read transaction. **raw**: the same reads by hand on Microsoft.Data.Sqlite (`RawSnapshotSql`), each written for exactly what the board shows."));
        sb.AppendLine(Inv($"- Both computed the same board: {(board == rawTotals ? "yes" : "**no**")} (sequence {board.Sequence}, {board.ActiveChildren} children on the register, {board.HighRisk} at high risk, {board.ThisMonth} screenings this month, {board.ThisQuarter} this quarter, {board.Overdue} overdue referrals, {board.Lines} lines{(board == rawTotals ? "" : $"; raw: {rawTotals}")})."));
        sb.AppendLine();
        sb.AppendLine("| target | p50 ms | p95 ms | max ms |");
        sb.AppendLine("|---|---:|---:|---:|");
        sb.AppendLine(Inv($"| {ef.Target} | {ef.P50:0.0} | {ef.P95:0.0} | {ef.Max:0.0} |"));
        sb.AppendLine(Inv($"| {raw.Target} | {raw.P50:0.0} | {raw.P95:0.0} | {raw.Max:0.0} |"));
        sb.AppendLine();
        var ratio = ef.P95 / raw.P95;
        sb.AppendLine(Inv($"Goal: snapshot p95 ≤ {GoalMs:0} ms and ≤ {GoalRatio:0.0}× raw SQL — {ef.P95:0.0} ms, raw {raw.P95:0.0} ms, {ratio:0.00}×: {(ef.P95 <= GoalMs && ratio <= GoalRatio ? "met" : "NOT met")}."));
        return sb.ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
