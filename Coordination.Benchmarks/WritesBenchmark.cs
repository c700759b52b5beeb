using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Coordination.Core.Data;
using Microsoft.Data.Sqlite;

namespace Coordination.Benchmarks;

/// <summary>
/// <c>-- writes [--seconds 20] [--clients 8]</c>: sustained screening writes per second through the real API
/// (<c>POST /api/v1/screenings</c>, one durable save per request, <c>synchronous=FULL</c>) from several concurrent
/// clients, beside a raw INSERT loop on Microsoft.Data.Sqlite with the app's pragmas, one transaction per write.
/// </summary>
internal static class WritesBenchmark
{
    public const double GoalWritesPerSecond = 300;
    public const double GoalRatio = 0.5;

    /// <summary>The pragmas every connection of the app gets (<see cref="SqlitePragmas"/>); WAL is the file's, set once.</summary>
    private const string AppPragmas = "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";

    public static async Task<int> MainAsync(string[] args)
    {
        int seconds = 20, clients = 8;
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                && args[i] is "--seconds" or "--clients")
            {
                (seconds, clients) = args[i] == "--seconds" ? (n, clients) : (seconds, n);
                i++;
            }
            else
            {
                Console.Error.WriteLine("usage: -- writes [--seconds N] [--clients N]");
                return 2;
            }
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var report = await RunAsync(TimeSpan.FromSeconds(seconds), clients, Console.Out, cts.Token);
        await BenchmarkMain.SaveReportAsync("writes.md", report);
        return 0;
    }

    public static async Task<string> RunAsync(TimeSpan duration, int clients, TextWriter log, CancellationToken ct)
    {
        var at = DateTimeOffset.UtcNow;
        log.WriteLine("Starting the board app (fresh SQLite file, demo data)...");
        await using var app = BoardApp.Start();
        var key = app.ApiKey("health");
        var posters = Enumerable.Range(0, clients).Select(_ => new ScreeningPoster(app.BaseAddress, key)).ToList();
        try
        {
            // Each client screens children of its own (one child's screenings in parallel would race on its version),
            // in turn: a save re-assesses the child's risk from its screenings of the last months, so a single child
            // screened thousands of times would make every save slower than any real one.
            var children = await Task.WhenAll(posters.Select(p => ChildrenAsync(p, ChildrenPerClient, ct)));
            // Warm-up (JIT, pools, the first pages of the file), not counted.
            await Task.WhenAll(posters.Select(async (p, k) =>
            {
                for (var i = 0; i < 10; i++)
                {
                    await p.RecordAsync(children[k][i % ChildrenPerClient], ct);
                }
            }));

            // The raw loop before and after the API run, half the time each, so a slow spell of the machine falls on both.
            var folder = Path.Combine(Path.GetTempPath(), "coordination-writes-bench-" + Guid.NewGuid().ToString("N")[..12]);
            Directory.CreateDirectory(folder);
            try
            {
                var raw = new LatencySamples("raw INSERT loop (one transaction per write)", "1", 0);
                var rawFile = Path.Combine(folder, "raw.db");
                await CreateRawAsync(rawFile, ct);
                log.WriteLine($"Raw INSERT loop, {duration.TotalSeconds / 2:0} s ...");
                var rawTime = await RawLoopAsync(rawFile, duration / 2, raw, ct);

                log.WriteLine($"API: {clients} clients posting screenings for {duration.TotalSeconds:0} s ...");
                var api = new LatencySamples("POST /api/v1/screenings → 201", clients.ToString(CultureInfo.InvariantCulture), 0);
                var errors = 0;
                var first = new List<string>();
                var started = Stopwatch.GetTimestamp();
                var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
                await Task.WhenAll(posters.Select((p, k) => Task.Run(async () =>
                {
                    var mine = new List<double>();
                    var next = 0;
                    while (Stopwatch.GetTimestamp() < until)
                    {
                        try
                        {
                            mine.Add((await p.RecordAsync(children[k][next++ % ChildrenPerClient], ct)).AnsweredMs);
                        }
                        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                        {
                            lock (first)
                            {
                                errors++;
                                if (first.Count < 3)
                                {
                                    first.Add(ex.Message);
                                }
                            }
                        }
                    }
                    lock (api)
                    {
                        foreach (var ms in mine)
                        {
                            api.Add(ms);
                        }
                    }
                }, ct)));
                var apiTime = Stopwatch.GetElapsedTime(started);

                log.WriteLine($"Raw INSERT loop, {duration.TotalSeconds / 2:0} s ...");
                rawTime += await RawLoopAsync(rawFile, duration / 2, raw, ct);

                var apiRate = api.Count / apiTime.TotalSeconds;
                var rawRate = raw.Count / rawTime.TotalSeconds;
                log.WriteLine(Inv($"  API {apiRate:0} writes/s ({api.Count} in {apiTime.TotalSeconds:0.0} s, {errors} errors), raw {rawRate:0} writes/s"));
                return Render(at, duration, clients, api, apiTime, errors, first, raw, rawTime);
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
        finally
        {
            foreach (var poster in posters)
            {
                poster.Dispose();
            }
        }
    }

    /// <summary>Children each writing client screens in turn.</summary>
    public const int ChildrenPerClient = 50;

    /// <summary>Registers <paramref name="count"/> children through the API (a first screening each).</summary>
    internal static async Task<Guid[]> ChildrenAsync(ScreeningPoster poster, int count, CancellationToken ct)
    {
        var ids = new Guid[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await poster.RegisterChildAsync(ct, varyName: true)).ChildId;
        }
        return ids;
    }

    /// <summary>
    /// A file shaped like the board's for a screening's save: a screenings table with the app's indexes and the
    /// event log keyed by sequence.
    /// </summary>
    private static async Task CreateRawAsync(string path, CancellationToken ct)
    {
        await using var connection = await OpenAsync(path, ct);
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            PRAGMA journal_mode=WAL;
            CREATE TABLE Screenings (Id TEXT NOT NULL PRIMARY KEY, ChildId TEXT NOT NULL, AgencyKey TEXT NOT NULL, Kind INTEGER NOT NULL,
                Date TEXT NOT NULL, RecordedAt INTEGER NOT NULL, RecordedBy TEXT NOT NULL, Risk INTEGER NOT NULL, Needs TEXT NOT NULL,
                Findings TEXT NOT NULL);
            CREATE INDEX IX_Screenings_ChildId_Date ON Screenings (ChildId, Date);
            CREATE INDEX IX_Screenings_AgencyKey_RecordedAt ON Screenings (AgencyKey, RecordedAt);
            CREATE INDEX IX_Screenings_Date_Kind_ChildId ON Screenings (Date, Kind, ChildId);
            CREATE TABLE BoardEvents (Sequence INTEGER NOT NULL PRIMARY KEY, Kind TEXT NOT NULL, AgencyKey TEXT NOT NULL, TownshipKey TEXT,
                OccurredAt INTEGER NOT NULL, Summary TEXT NOT NULL, Detail TEXT, Risk INTEGER, ChildId TEXT);
            """;
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task<SqliteConnection> OpenAsync(string path, CancellationToken ct)
    {
        var connection = new SqliteConnection(Database.ConnectionStringFor(path));
        await connection.OpenAsync(ct);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = AppPragmas;
        await pragmas.ExecuteNonQueryAsync(ct);
        return connection;
    }

    /// <summary>
    /// One write as the API's save has it, by hand: in one transaction the next sequence, the screening row and its
    /// event row, committed (with synchronous=FULL, one fsync of the WAL per commit).
    /// </summary>
    private static async Task<TimeSpan> RawLoopAsync(string path, TimeSpan duration, LatencySamples samples, CancellationToken ct)
    {
        await using var connection = await OpenAsync(path, ct);
        var child = Guid.NewGuid().ToString();
        var started = Stopwatch.GetTimestamp();
        var until = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            var start = Stopwatch.GetTimestamp();
            await using (var tx = connection.BeginTransaction())
            {
                await using var max = connection.CreateCommand();
                max.Transaction = tx;
                max.CommandText = "SELECT MAX(Sequence) FROM BoardEvents";
                var last = await max.ExecuteScalarAsync(ct) is long l ? l : 0;

                var now = DateTimeOffset.UtcNow;
                await using var screening = connection.CreateCommand();
                screening.Transaction = tx;
                screening.CommandText = """
                    INSERT INTO Screenings (Id, ChildId, AgencyKey, Kind, Date, RecordedAt, RecordedBy, Risk, Needs, Findings)
                    VALUES ($id, $child, 'health', 2, $date, $at, 'bench', 1, '[]', 'bench')
                    """;
                screening.Parameters.AddWithValue("$id", Guid.NewGuid().ToString());
                screening.Parameters.AddWithValue("$child", child);
                screening.Parameters.AddWithValue("$date", now.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                screening.Parameters.AddWithValue("$at", now.UtcTicks);
                await screening.ExecuteNonQueryAsync(ct);

                await using var evt = connection.CreateCommand();
                evt.Transaction = tx;
                evt.CommandText = """
                    INSERT INTO BoardEvents (Sequence, Kind, AgencyKey, TownshipKey, OccurredAt, Summary, Detail, Risk, ChildId)
                    VALUES ($seq, 'screening.recorded', 'health', 'shishan-zhen', $at, 'health-check screening recorded', '{"kind":"health-check"}', 1, $child)
                    """;
                evt.Parameters.AddWithValue("$seq", last + 1);
                evt.Parameters.AddWithValue("$at", now.UtcTicks);
                evt.Parameters.AddWithValue("$child", child);
                await evt.ExecuteNonQueryAsync(ct);
                await tx.CommitAsync(ct);
            }
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        return Stopwatch.GetElapsedTime(started);
    }

    private static string Render(DateTimeOffset at, TimeSpan duration, int clients, LatencySamples api, TimeSpan apiTime, int errors,
        List<string> firstErrors, LatencySamples raw, TimeSpan rawTime)
    {
        var apiRate = api.Count / apiTime.TotalSeconds;
        var rawRate = raw.Count / rawTime.TotalSeconds;
        var ratio = apiRate / rawRate;
        var sb = new StringBuilder();
        sb.AppendLine("# Sustained writes");
        sb.AppendLine();
        sb.AppendLine(Inv($"- Run: {at:yyyy-MM-dd HH:mm} UTC; API {duration.TotalSeconds:0} s with {clients} concurrent clients (after 10 warm-up posts each); the raw loop {duration.TotalSeconds / 2:0} s before and {duration.TotalSeconds / 2:0} s after it."));
        sb.AppendLine(Inv($"- Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}. Server, clients and the raw loop share the cores; the figures are pessimistic for a dedicated server."));
        sb.AppendLine(Inv($"- **API**: the real board app (in this process, Kestrel on loopback, fresh SQLite file with demo data); each client posts screenings of {WritesBenchmark.ChildrenPerClient} children of its own in turn (registered first through the API), one after another, with the health bureau's API key. A write is a 201: validation, the child's risk refresh, the screening, its board event and audit entries in one transaction (WAL, `synchronous=FULL`), then the broadcast."));
        sb.AppendLine("- **raw**: one connection on a fresh file with the app's pragmas (WAL, `synchronous=FULL`, foreign keys, busy timeout), a screenings table with the app's three indexes and an event log; per write one transaction: the next sequence (`MAX`), the screening row, the event row, commit.");
        sb.AppendLine();
        sb.AppendLine("| target | clients | writes | seconds | writes/s | errors | p50 ms | p95 ms | max ms |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        sb.AppendLine(Inv($"| {api.Target} | {clients} | {api.Count} | {apiTime.TotalSeconds:0.0} | {apiRate:0} | {errors} | {api.P50:0.0} | {api.P95:0.0} | {api.Max:0.0} |"));
        sb.AppendLine(Inv($"| {raw.Target} | 1 | {raw.Count} | {rawTime.TotalSeconds:0.0} | {rawRate:0} | 0 | {raw.P50:0.0} | {raw.P95:0.0} | {raw.Max:0.0} |"));
        sb.AppendLine();
        foreach (var e in firstErrors)
        {
            sb.AppendLine(Inv($"- error: {e}"));
        }
        if (firstErrors.Count > 0)
        {
            sb.AppendLine();
        }
        var met = apiRate >= GoalWritesPerSecond && ratio >= GoalRatio && errors == 0;
        sb.AppendLine(Inv($"Goal: ≥ {GoalWritesPerSecond:0} writes/s through the API and ≥ {GoalRatio:0.0}× the raw loop, no errors — {apiRate:0} writes/s, raw {rawRate:0} writes/s, {ratio:0.00}×, {errors} errors: {(met ? "met" : "NOT met")}."));
        return sb.ToString();
    }

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
