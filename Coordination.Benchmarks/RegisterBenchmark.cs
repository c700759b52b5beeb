using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Coordination.Core;
using Coordination.Core.Board;
using Coordination.Core.Children;
using Coordination.Core.Data;
using Coordination.Core.Reference;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;

namespace Coordination.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project Coordination.Benchmarks -- register</c>: the register with 20,000 children
/// and 200,000 screenings in a fresh SQLite file; p50/p95 of filtered page queries and of a profile load through
/// the app's own <see cref="ChildService"/>, beside the same reads in raw SQL on Microsoft.Data.Sqlite.
/// </summary>
internal static class RegisterBenchmark
{
    public const double GoalP95Ms = 100;

    /// <summary>A liaison reads the register: every query goes through the same rights checks as in the app.</summary>
    private static readonly Actor Reader = new("civil-affairs", "bench", Coordination.Core.Access.Role.Liaison);

    public static async Task<string> RunAsync(int children, int screenings, int iterations, TextWriter log, CancellationToken ct)
    {
        var folder = Path.Combine(Path.GetTempPath(), "coordination-register-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var connectionString = Database.ConnectionStringFor(Path.Combine(folder, "register.db"));
            var options = new DbContextOptionsBuilder<CoordinationDbContext>();
            Database.Configure(options, connectionString);
            var factory = new PooledDbContextFactory<CoordinationDbContext>(options.Options);
            var clock = new BoardClock(TimeProvider.System, BoardClock.ChinaStandardTime);
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                await Database.MigrateAsync(db, ct);
                await ReferenceData.LoadAsync(db, ReferenceData.LocateDataDirectory(null, Directory.GetCurrentDirectory(), AppContext.BaseDirectory), ct);
            }

            log.WriteLine($"Filling a fresh register: {children:N0} children, {screenings:N0} screenings ...");
            var fill = Stopwatch.StartNew();
            var ids = await RegisterData.FillAsync(factory, clock, children, screenings, log, ct);
            await using (var db = await factory.CreateDbContextAsync(ct))
            {
                await db.Database.ExecuteSqlRawAsync("PRAGMA optimize; ANALYZE;", ct);
            }
            log.WriteLine($"  filled in {fill.Elapsed.TotalSeconds:0} s");

            var service = new ChildService(factory, new InProcessBoardNotifier(NullLogger<InProcessBoardNotifier>.Instance), clock);
            var raw = new RawRegisterSql(connectionString);
            var townships = (await factory.CreateDbContext().Townships.Select(t => t.Key).ToListAsync(ct)).ToList();

            var rows = new List<(string Name, LatencySamples Ef, LatencySamples Raw)>();
            foreach (var (name, make) in RegisterQueries.All)
            {
                var ef = new LatencySamples("ChildService.ListAsync: " + name, "1", iterations);
                var sql = new LatencySamples("raw SQL: " + name, "1", iterations);
                var random = new Random(7);
                for (var i = -10; i < iterations; i++)
                {
                    var query = make(random, townships);
                    // Alternate which goes first so caches warm both alike.
                    var (a, b) = i % 2 == 0
                        ? (await Time(() => service.ListAsync(Reader, query, ct)), await Time(() => raw.ListAsync(query, ct)))
                        : Swap(await Time(() => raw.ListAsync(query, ct)), await Time(() => service.ListAsync(Reader, query, ct)));
                    if (i >= 0)
                    {
                        ef.Add(a);
                        sql.Add(b);
                    }
                }
                rows.Add((name, ef, sql));
                log.WriteLine(Inv($"  {name}: EF p95 {ef.P95:0.0} ms, raw p95 {sql.P95:0.0} ms"));
            }

            var profileEf = new LatencySamples("ChildService.GetProfileAsync", "1", iterations);
            var profileRaw = new LatencySamples("raw SQL profile reads", "1", iterations);
            var pick = new Random(11);
            for (var i = -10; i < iterations; i++)
            {
                var id = ids[pick.Next(ids.Count)];
                var efMs = await Time(() => service.GetProfileAsync(Reader, id, audit: false, ct: ct));
                var rawMs = await Time(() => raw.ProfileAsync(id, ct));
                if (i >= 0)
                {
                    profileEf.Add(efMs);
                    profileRaw.Add(rawMs);
                }
            }
            log.WriteLine(Inv($"  profile: EF p95 {profileEf.P95:0.0} ms, raw p95 {profileRaw.P95:0.0} ms"));
            return Render(children, screenings, iterations, fill.Elapsed, rows, profileEf, profileRaw);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static (double, double) Swap(double rawFirst, double efSecond) => (efSecond, rawFirst);

    private static async Task<double> Time<T>(Func<Task<T>> action)
    {
        var start = Stopwatch.GetTimestamp();
        await action();
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private static string Render(int children, int screenings, int iterations, TimeSpan fill,
        List<(string Name, LatencySamples Ef, LatencySamples Raw)> rows, LatencySamples profileEf, LatencySamples profileRaw)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Register benchmark");
        sb.AppendLine();
        sb.AppendLine(Inv($"- {children:N0} children, {screenings:N0} screenings in a fresh SQLite file (WAL, synchronous=FULL), filled through the domain's factories in {fill.TotalSeconds:0} s."));
        sb.AppendLine(Inv($"- Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}."));
        sb.AppendLine(Inv($"- Each query {iterations} times (after 10 warm-up runs) with varying parameters, page size 25, EF and raw alternating; a page query is the count plus the page plus the page's categories; a profile load is the child, categories, village, every screening, assistance record and board event of the child."));
        sb.AppendLine();
        sb.AppendLine("| query | EF p50 ms | EF p95 ms | raw SQL p50 ms | raw SQL p95 ms | EF/raw p95 |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, ef, raw) in rows)
        {
            sb.AppendLine(Inv($"| {name} | {ef.P50:0.0} | {ef.P95:0.0} | {raw.P50:0.0} | {raw.P95:0.0} | {ef.P95 / raw.P95:0.0}× |"));
        }
        sb.AppendLine(Inv($"| **profile load** | {profileEf.P50:0.0} | {profileEf.P95:0.0} | {profileRaw.P50:0.0} | {profileRaw.P95:0.0} | {profileEf.P95 / profileRaw.P95:0.0}× |"));
        sb.AppendLine();
        var worst = rows.Max(r => r.Ef.P95);
        sb.AppendLine(Inv($"Goal: a filtered page query's p95 ≤ {GoalP95Ms:0} ms — worst measured {worst:0.0} ms: {(worst <= GoalP95Ms ? "met" : "NOT met")}."));
        return sb.ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
