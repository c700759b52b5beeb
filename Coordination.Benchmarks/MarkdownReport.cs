using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using System.Text;

namespace Coordination.Benchmarks;

/// <summary>The run as a markdown page: the table, the ratios, the goals and what the numbers span.</summary>
internal static class MarkdownReport
{
    public const double GoalP95Ms = 300;
    public const double GoalRatio = 2;
    public const int GoalClients = 500;

    public static string Render(BenchResult r, DateTimeOffset at, TimeSpan took)
    {
        var o = r.Options;
        var sb = new StringBuilder();
        sb.AppendLine("# Live path benchmark");
        sb.AppendLine();
        sb.AppendLine(Inv($"- Run: {at:yyyy-MM-dd HH:mm} UTC, {took.TotalSeconds:0} s; {o.Rounds} rounds per hub size, {o.BrowserRounds} browser rounds, {o.Warmup} warm-up rounds each (not counted)."));
        sb.AppendLine(Inv($"- Machine: {Environment.ProcessorCount} logical cores ({CpuModel()}), {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC."));
        sb.AppendLine("- Everything runs in one process on loopback: the real board app (WebApplicationFactory + Kestrel, fresh SQLite file with demo data, Development), a bare SignalR app (empty hub, same JSON settings), every hub client and the test driver; the browsers are Chromium processes on the same machine. Clients and servers share the same cores.");
        sb.AppendLine("- **board hub**: from just before `POST /api/v1/screenings` is sent to the moment each `/hubs/board` client's `BoardEvent` handler runs. It spans the HTTP round trip in, validation, the SQLite save (`synchronous=FULL`), the notifier, the hub forwarder and the broadcast. The save's commit is not observable from outside, so it cannot be the start.");
        sb.AppendLine("- **bare SignalR**: from just before `IHubContext<BareHub>.Clients.All.SendAsync(\"BoardEvent\", payload)` to the handler, with the payload of a real screening event.");
        sb.AppendLine("- **API only**: the same POSTs' time to the 201 answer, for how much of the board hub figure the request and the save take.");
        sb.AppendLine("- **browser board**: from just before the POST (wall clock) to the moment a MutationObserver in the page sees the feed item with the new sequence enter the DOM (`performance.timeOrigin + performance.now()`). It includes the snapshot recompute, the circuit's render and the DOM patch.");
        sb.AppendLine("- At each size both fleets stay connected and board and bare rounds alternate, so disturbances of the machine fall on both alike. Rounds are sequential: the next starts once every client has the event (or after the round's deadline).");
        sb.AppendLine("- Percentiles are nearest-rank over every (client, round) sample; *missed* = deliveries that did not arrive within the round's deadline.");
        sb.AppendLine();
        sb.AppendLine("| target | clients | rounds | p50 ms | p95 ms | max ms | missed |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var s in r.Sizes)
        {
            Row(sb, s.Board);
            Row(sb, s.Bare);
        }
        foreach (var s in r.Sizes)
        {
            Row(sb, s.Api, s.Clients.ToString(CultureInfo.InvariantCulture) + " listening");
        }
        if (r.Browser is { } b)
        {
            Row(sb, b);
        }
        sb.AppendLine();
        sb.AppendLine("| clients | board hub p95 ms | bare p95 ms | difference ms | ratio | ratio ≤ 2 |");
        sb.AppendLine("|---:|---:|---:|---:|---:|:---:|");
        foreach (var s in r.Sizes)
        {
            sb.AppendLine(Inv($"| {s.Clients} | {s.Board.P95:0.0} | {s.Bare.P95:0.0} | {s.Board.P95 - s.Bare.P95:0.0} | {s.Ratio:0.00} | {Mark(s.Ratio <= GoalRatio)} |"));
        }
        sb.AppendLine();
        sb.AppendLine("With few clients the bare broadcast takes a fraction of a millisecond, so the board's fixed cost (the HTTP request and the durable save, see *API only*) dominates the ratio; the difference column shows that cost in milliseconds.");
        sb.AppendLine();
        sb.AppendLine("Goals (at 500 hub clients):");
        if (r.Sizes.FirstOrDefault(s => s.Clients == GoalClients) is { } goal)
        {
            sb.AppendLine(Inv($"- board hub p95 ≤ {GoalP95Ms:0} ms: **{(goal.Board.P95 <= GoalP95Ms && goal.Board.Missed == 0 ? "met" : "NOT met")}** ({goal.Board.P95:0.0} ms, {goal.Board.Missed} missed)"));
            sb.AppendLine(Inv($"- board hub p95 ≤ {GoalRatio:0}× bare p95: **{(goal.Ratio <= GoalRatio ? "met" : "NOT met")}** ({goal.Ratio:0.00}×)"));
        }
        else
        {
            sb.AppendLine(Inv($"- not judged: this run did not measure {GoalClients} clients."));
        }
        if (r.ClockOffsets.Length > 0)
        {
            sb.AppendLine();
            sb.AppendLine("Browser clock check (page clock − this process's wall clock, after the rounds): "
                + string.Join(", ", r.ClockOffsets.Select(c => Inv($"{c.Offset:+0.0;-0.0} ±{c.Uncertainty:0.0} ms"))) + ".");
        }
        return sb.ToString();
    }

    private static void Row(StringBuilder sb, LatencySamples s, string? clients = null) =>
        sb.AppendLine(Inv($"| {s.Target} | {clients ?? s.Clients} | {s.Rounds} | {s.P50:0.0} | {s.P95:0.0} | {s.Max:0.0} | {s.Missed} |"));

    private static string Mark(bool ok) => ok ? "yes" : "**no**";

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static string CpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Trim();
        }
        catch (IOException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
        catch (UnauthorizedAccessException)
        {
            return RuntimeInformation.ProcessArchitecture.ToString();
        }
    }
}
