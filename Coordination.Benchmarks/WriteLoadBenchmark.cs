using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;

namespace Coordination.Benchmarks;

/// <summary>
/// <c>-- write-load [--writers 20] [--probes 60] [--listeners 10] [--browsers 2]</c>: the live path while the board is
/// busy writing. Writer loops post screenings through the API without pause; meanwhile probe screenings are posted
/// one at a time and timed from just before their POST to their arrival at every <c>/hubs/board</c> client and at
/// every open browser board.
/// </summary>
internal static class WriteLoadBenchmark
{
    public const double GoalP95Ms = 300;

    private const int ChildrenPerWriter = 20;

    private static readonly TimeSpan RoundTimeout = TimeSpan.FromSeconds(10);

    private const string Usage = "usage: -- write-load [--writers N] [--probes N] [--listeners N] [--browsers N (0: none)] [--warmup N]";

    public static async Task<int> MainAsync(string[] args)
    {
        int writers = 20, probes = 60, listeners = 10, browsers = 2, warmup = 5;
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                Console.Error.WriteLine(Usage);
                return 2;
            }
            switch (args[i])
            {
                case "--writers" when n > 0: writers = n; break;
                case "--probes" when n > 0: probes = n; break;
                case "--listeners" when n > 0: listeners = n; break;
                case "--browsers": browsers = n; break;
                case "--warmup": warmup = n; break;
                default:
                    Console.Error.WriteLine(Usage);
                    return 2;
            }
            i++;
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(10));
        var report = await RunAsync(writers, probes, listeners, browsers, warmup, Console.Out, cts.Token);
        await BenchmarkMain.SaveReportAsync("write-load.md", report);
        return 0;
    }

    public static async Task<string> RunAsync(int writerCount, int probes, int listeners, int browserCount, int warmup, TextWriter log, CancellationToken ct)
    {
        var at = DateTimeOffset.UtcNow;
        var took = Stopwatch.StartNew();
        log.WriteLine("Starting the board app (fresh SQLite file, demo data)...");
        await using var app = BoardApp.Start();
        var writerKey = app.ApiKey("health");
        var readerKey = app.ApiKey("civil-affairs");

        await using var fleet = await HubClientFleet.ConnectAsync(app.HubUrl, listeners, 50, readerKey, ct);
        log.WriteLine($"  {listeners} hub clients connected");
        BrowserBoards? boards = null;
        if (browserCount > 0)
        {
            boards = await BrowserBoards.OpenAsync(app.BaseAddress, browserCount, ct);
            // The layout's ready marker can render before the page has subscribed: wait until every board listens.
            var expected = boards.Count + 1; // the boards and the hub forwarder
            var deadline = Stopwatch.GetTimestamp() + (long)(30 * Stopwatch.Frequency);
            while (app.NotifierSubscribers < expected && Stopwatch.GetTimestamp() < deadline)
            {
                await Task.Delay(20, ct);
            }
            log.WriteLine($"  {boards.Count} browser boards interactive; notifier subscribers: {app.NotifierSubscribers} of {expected}");
        }
        try
        {
            using var probe = new ScreeningPoster(app.BaseAddress, writerKey);
            await probe.RegisterChildAsync(ct);
            var writers = Enumerable.Range(0, writerCount).Select(_ => new ScreeningPoster(app.BaseAddress, writerKey)).ToList();
            try
            {
                // Each writer screens children of its own in turn (see WritesBenchmark), registered first.
                var children = await Task.WhenAll(writers.Select(w => WritesBenchmark.ChildrenAsync(w, ChildrenPerWriter, ct)));

                log.WriteLine($"  {writerCount} writers posting; {warmup} warm-up probes, then {probes} probes ...");
                var stopping = 0;
                var counting = 0;
                var written = 0;
                var writerErrors = 0;
                var writerSamples = new LatencySamples("writers' POST → 201", writerCount.ToString(CultureInfo.InvariantCulture), 0);
                var firstErrors = new List<string>();
                var loops = writers.Select((w, k) => Task.Run(async () =>
                {
                    var mine = new List<double>();
                    var next = 0;
                    while (Volatile.Read(ref stopping) == 0)
                    {
                        try
                        {
                            var created = await w.RecordAsync(children[k][next++ % ChildrenPerWriter], ct);
                            // Nobody times the writers' events at the listeners: drop their bookkeeping.
                            fleet.Recorder.Forget(created.Sequence);
                            if (Volatile.Read(ref counting) == 1)
                            {
                                Interlocked.Increment(ref written);
                                mine.Add(created.AnsweredMs);
                            }
                        }
                        catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                        {
                            Interlocked.Increment(ref writerErrors);
                            lock (firstErrors)
                            {
                                if (firstErrors.Count < 3)
                                {
                                    firstErrors.Add(ex.Message);
                                }
                            }
                        }
                    }
                    lock (writerSamples)
                    {
                        foreach (var ms in mine)
                        {
                            writerSamples.Add(ms);
                        }
                    }
                }, ct)).ToList();

                var hub = new LatencySamples("board hub (probe POST → BoardEvent)", listeners.ToString(CultureInfo.InvariantCulture), probes);
                var browser = new LatencySamples("browser board (probe POST → feed item in DOM)", browserCount.ToString(CultureInfo.InvariantCulture), probes);
                var probeErrors = 0;
                var window = Stopwatch.StartNew();
                for (var round = -warmup; round < probes; round++)
                {
                    ct.ThrowIfCancellationRequested();
                    if (round == 0)
                    {
                        Volatile.Write(ref counting, 1);
                        window.Restart();
                    }
                    ScreeningPoster.Created created;
                    try
                    {
                        created = await probe.RecordAsync(ct);
                    }
                    catch (Exception ex) when (ex is InvalidOperationException or HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
                    {
                        probeErrors += round >= 0 ? 1 : 0;
                        lock (firstErrors)
                        {
                            firstErrors.Add("probe: " + ex.Message);
                        }
                        continue;
                    }
                    var arrivals = fleet.Recorder.For(created.Sequence);
                    var shown = boards?.ArrivalsAsync(created.Sequence, RoundTimeout);
                    try
                    {
                        await arrivals.All.WaitAsync(RoundTimeout, ct);
                    }
                    catch (TimeoutException)
                    {
                        log.WriteLine("  a probe passed its deadline with hub clients still waiting");
                    }
                    var inBrowsers = shown is null ? [] : await shown.WaitAsync(RoundTimeout * 2, ct);
                    if (round >= 0)
                    {
                        var (ms, missed) = arrivals.Since(created.Start);
                        foreach (var m in ms)
                        {
                            hub.Add(m);
                        }
                        hub.AddMissed(missed);
                        foreach (var epochMs in inBrowsers)
                        {
                            if (epochMs is { } e)
                            {
                                browser.Add(e - created.StartEpochMs);
                            }
                            else
                            {
                                browser.AddMissed(1);
                            }
                        }
                    }
                    fleet.Recorder.Forget(created.Sequence);
                }
                Volatile.Write(ref counting, 0);
                var elapsed = window.Elapsed;
                Volatile.Write(ref stopping, 1);
                await Task.WhenAll(loops);

                var rate = written / elapsed.TotalSeconds;
                log.WriteLine(Inv($"  hub p95 {hub.P95:0.0} ms, browser p95 {browser.P95:0.0} ms; writers {rate:0} writes/s, {writerErrors} errors"));
                return Render(at, took.Elapsed, writerCount, probes, warmup, listeners, browserCount, hub, browser, writerSamples, written, elapsed, writerErrors, probeErrors, firstErrors);
            }
            finally
            {
                foreach (var w in writers)
                {
                    w.Dispose();
                }
            }
        }
        finally
        {
            if (boards is not null)
            {
                await boards.DisposeAsync();
            }
        }
    }

    private static string Render(DateTimeOffset at, TimeSpan took, int writers, int probes, int warmup, int listeners, int browsers,
        LatencySamples hub, LatencySamples browser, LatencySamples writerSamples, int written, TimeSpan window, int writerErrors, int probeErrors, List<string> firstErrors)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# The board under write load");
        sb.AppendLine();
        sb.AppendLine(Inv($"- Run: {at:yyyy-MM-dd HH:mm} UTC, {took.TotalSeconds:0} s; {writers} writers, {probes} probes after {warmup} warm-up probes, {listeners} hub clients, {browsers} browser boards."));
        sb.AppendLine(Inv($"- Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}. Server, writers, hub clients and Chromium share the cores; the figures are pessimistic for a dedicated server."));
        sb.AppendLine(Inv($"- The real board app (in this process, Kestrel on loopback, fresh SQLite file with demo data, `synchronous=FULL`). Each writer posts screenings of {ChildrenPerWriter} children of its own in turn (registered first) through `POST /api/v1/screenings`, one after another without pause, for the whole run."));
        sb.AppendLine("- A probe is one more screening, posted by a client of its own once the previous probe has arrived everywhere (or its 10 s deadline passed); it is timed from just before its POST to each `/hubs/board` client's `BoardEvent` handler and, in each browser board (a liaison's `/`), to the moment a MutationObserver sees its feed item enter the DOM. Every event of the writers reaches the same clients and boards meanwhile.");
        sb.AppendLine("- Percentiles are nearest-rank over every (client, probe); *missed* = deliveries that did not arrive within the deadline.");
        sb.AppendLine();
        sb.AppendLine("| target | clients | probes | p50 ms | p95 ms | max ms | missed |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        Row(sb, hub);
        if (browsers > 0)
        {
            Row(sb, browser);
        }
        sb.AppendLine(Inv($"| {writerSamples.Target} | {writers} | {writerSamples.Count} posts | {writerSamples.P50:0.0} | {writerSamples.P95:0.0} | {writerSamples.Max:0.0} | |"));
        sb.AppendLine();
        sb.AppendLine(Inv($"Writers during the probes: {written} screenings in {window.TotalSeconds:0.0} s ({written / window.TotalSeconds:0} writes/s), {writerErrors} writer errors, {probeErrors} probe errors."));
        foreach (var e in firstErrors.Take(5))
        {
            sb.AppendLine(Inv($"- error: {e}"));
        }
        sb.AppendLine();
        var errors = writerErrors + probeErrors;
        sb.AppendLine(Inv($"Goal: board hub p95 save → shown ≤ {GoalP95Ms:0} ms with {writers} writers, no errors — {hub.P95:0.0} ms (p50 {hub.P50:0.0}, max {hub.Max:0.0}), {hub.Missed} missed, {errors} errors: {(hub.P95 <= GoalP95Ms && hub.Missed == 0 && errors == 0 ? "met" : "NOT met")}."));
        if (browsers > 0)
        {
            sb.AppendLine(Inv($"Goal: browser board p95 save → shown ≤ {GoalP95Ms:0} ms with {writers} writers — {browser.P95:0.0} ms (p50 {browser.P50:0.0}, max {browser.Max:0.0}), {browser.Missed} missed: {(browser.P95 <= GoalP95Ms && browser.Missed == 0 ? "met" : "NOT met")}."));
        }
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, LatencySamples s) =>
        sb.AppendLine(Inv($"| {s.Target} | {s.Clients} | {s.Rounds} | {s.P50:0.0} | {s.P95:0.0} | {s.Max:0.0} | {s.Missed} |"));

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
