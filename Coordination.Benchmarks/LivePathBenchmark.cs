using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Coordination.Core.Board;

namespace Coordination.Benchmarks;

/// <summary>
/// One run: the board's live path (POST a screening → hub clients and open boards) beside a bare SignalR
/// broadcast of the same payload, at each size. Rounds are sequential: the next starts once every client has
/// the previous event (or the round's deadline passed).
/// </summary>
internal sealed class LivePathBenchmark(BenchOptions options, TextWriter log)
{
    public const string BoardHubTarget = "board hub (POST → BoardEvent)";
    public const string BareTarget = "bare SignalR broadcast";
    public const string ApiTarget = "API only (POST → 201)";
    public const string BrowserTarget = "browser board (POST → feed item in DOM)";

    public async Task<BenchResult> RunAsync(CancellationToken ct)
    {
        var result = new BenchResult(options);

        log.WriteLine("Starting the board app (fresh SQLite file, demo data)...");
        var started = Stopwatch.GetTimestamp();
        await using var app = BoardApp.Start();
        log.WriteLine($"  board app on {app.BaseAddress} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");

        var healthKey = app.ApiKey("health");
        var readerKey = app.ApiKey("civil-affairs");
        using var poster = new ScreeningPoster(app.BaseAddress, healthKey);
        var first = await poster.RegisterChildAsync(ct);
        var payload = await RealEventAsync(app.BaseAddress, readerKey, first.Sequence, ct);
        log.WriteLine($"  registered the bench child {first.ChildId}; bare payload = event {payload.Sequence} ({JsonSerializer.SerializeToUtf8Bytes(payload, new JsonSerializerOptions(JsonSerializerDefaults.Web)).Length} bytes of JSON)");

        await using var bare = await BareSignalRServer.StartAsync(ct);
        log.WriteLine($"  bare SignalR app on {bare.BaseAddress}");

        var bareSequence = 1_000_000_000L;
        foreach (var size in options.Sizes)
        {
            ct.ThrowIfCancellationRequested();
            var clients = size.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var boardSamples = new LatencySamples(BoardHubTarget, clients, options.Rounds);
            var bareSamples = new LatencySamples(BareTarget, clients, options.Rounds);
            var apiSamples = new LatencySamples(ApiTarget, clients, options.Rounds);
            await using var boardFleet = await ConnectAsync(app.HubUrl, size, "board hub", readerKey, ct);
            await using var bareFleet = await ConnectAsync(bare.HubUrl, size, "bare hub", null, ct);

            async Task BoardRoundAsync(bool counted)
            {
                var created = await poster.RecordAsync(ct);
                var arrivals = boardFleet.Recorder.For(created.Sequence);
                await WaitAsync(arrivals.All, ct);
                if (counted)
                {
                    Collect(boardSamples, arrivals.Since(created.Start));
                    apiSamples.Add(created.AnsweredMs);
                }
                boardFleet.Recorder.Forget(created.Sequence);
            }

            async Task BareRoundAsync(bool counted)
            {
                var message = payload with { Sequence = ++bareSequence };
                var arrivals = bareFleet.Recorder.For(message.Sequence);
                var start = Stopwatch.GetTimestamp();
                await bare.BroadcastAsync(message, ct);
                await WaitAsync(arrivals.All, ct);
                if (counted)
                {
                    Collect(bareSamples, arrivals.Since(start));
                }
                bareFleet.Recorder.Forget(message.Sequence);
            }

            // Board and bare rounds alternate (and swap which goes first), so a GC, a noisy neighbour or a
            // slow spell of the machine lands on both sides alike instead of skewing the ratio.
            for (var round = -options.Warmup; round < options.Rounds; round++)
            {
                var counted = round >= 0;
                if ((round & 1) == 0)
                {
                    await BoardRoundAsync(counted);
                    await BareRoundAsync(counted);
                }
                else
                {
                    await BareRoundAsync(counted);
                    await BoardRoundAsync(counted);
                }
            }
            Report(boardSamples);
            Report(bareSamples);
            result.Add(size, boardSamples, bareSamples, apiSamples);
        }

        if (!options.SkipBrowsers)
        {
            result.Browser = await MeasureBrowsersAsync(app, poster, result, ct);
        }
        return result;
    }

    private async Task<LatencySamples> MeasureBrowsersAsync(BoardApp app, ScreeningPoster poster, BenchResult result, CancellationToken ct)
    {
        log.WriteLine($"Opening {options.Browsers} browser boards (headless Chromium)...");
        var started = Stopwatch.GetTimestamp();
        await using var boards = await BrowserBoards.OpenAsync(app.BaseAddress, options.Browsers, ct);
        // The layout's ready marker can render before the page has subscribed: wait until every board listens.
        var expected = boards.Count + 1; // the boards and the hub forwarder
        var deadline = Stopwatch.GetTimestamp() + (long)(30 * Stopwatch.Frequency);
        while (app.NotifierSubscribers < expected && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(20, ct);
        }
        log.WriteLine($"  {boards.Count} boards interactive in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s; notifier subscribers: {app.NotifierSubscribers} of {expected}");

        var samples = new LatencySamples(BrowserTarget, boards.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), options.BrowserRounds);
        for (var round = -options.Warmup; round < options.BrowserRounds; round++)
        {
            ct.ThrowIfCancellationRequested();
            var created = await poster.RecordAsync(ct);
            var arrivals = await boards.ArrivalsAsync(created.Sequence, options.RoundTimeout).WaitAsync(options.RoundTimeout * 2, ct);
            if (round < 0)
            {
                continue;
            }
            foreach (var at in arrivals)
            {
                if (at is { } ms)
                {
                    samples.Add(ms - created.StartEpochMs);
                }
                else
                {
                    samples.AddMissed(1);
                }
            }
        }
        result.ClockOffsets = await boards.ClockOffsetsAsync();
        Report(samples);
        return samples;
    }

    private async Task<HubClientFleet> ConnectAsync(Uri hubUrl, int size, string what, string? accessToken, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        var fleet = await HubClientFleet.ConnectAsync(hubUrl, size, options.ConnectConcurrency, accessToken, ct);
        log.WriteLine($"  {size} clients connected to the {what} in {Stopwatch.GetElapsedTime(started).TotalSeconds:0.0} s");
        return fleet;
    }

    /// <summary>Waits for every client, at most the round's deadline: a client that never gets the event is counted, not waited for.</summary>
    private async Task WaitAsync(Task all, CancellationToken ct)
    {
        try
        {
            await all.WaitAsync(options.RoundTimeout, ct);
        }
        catch (TimeoutException)
        {
            log.WriteLine("  a round passed its deadline with clients still waiting");
        }
    }

    private static void Collect(LatencySamples samples, (IReadOnlyList<double> Ms, int Missed) round)
    {
        foreach (var ms in round.Ms)
        {
            samples.Add(ms);
        }
        samples.AddMissed(round.Missed);
    }

    private void Report(LatencySamples s) =>
        log.WriteLine($"  {s.Target,-42} {s.Clients,4} clients: p50 {s.P50,7:0.0} ms  p95 {s.P95,7:0.0} ms  max {s.Max,7:0.0} ms  missed {s.Missed}");

    /// <summary>The payload the board really sends for a screening, read back through the API.</summary>
    private static async Task<BoardEventMessage> RealEventAsync(Uri baseAddress, string apiKey, long sequence, CancellationToken ct)
    {
        using var http = new HttpClient { BaseAddress = baseAddress };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiKey);
        var events = await http.GetFromJsonAsync<List<BoardEventMessage>>($"/api/v1/board/events?after={sequence - 1}&limit=1", new JsonSerializerOptions(JsonSerializerDefaults.Web), ct);
        return events is [var e] && e.Sequence == sequence
            ? e
            : throw new InvalidOperationException($"Event {sequence} is not in the board's log.");
    }
}
