using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Playwright;

namespace Coordination.Benchmarks;

/// <summary>
/// <c>-- circuits [--circuits 200] [--batch 20] [--kinds bare,wall,board] [--gcdump DIR]</c>: opens and closes N circuits of a bare Blazor page, of the
/// wall and of the board (headless Chromium, one signed-in profile per kind, N tabs), and reports the server
/// process's managed heap and working set before, at peak (all open, after a forced collection) and after
/// closing them and a forced collection. Goals: after ≤ 110% of before; ≤ 500 KB per idle open wall or board
/// circuit beyond the bare page's.
/// <c>-- soak [--minutes 20] [--every-seconds 3]</c>: one wall page with a screening every few seconds, sampling the
/// page's JS heap and DOM node count each minute.
/// </summary>
internal static class CircuitMemoryBenchmark
{
    private static readonly string[] ChromiumArgs =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--js-flags=--expose-gc",
    ];

    private sealed record Memory(long ManagedBytes, long WorkingSetBytes);

    private sealed record KindResult(string Kind, int Circuits, Memory Before, Memory Peak, Memory After);

    public static async Task<int> CircuitsAsync(string[] args)
    {
        var circuits = Option(args, "--circuits", 200);
        var batch = Option(args, "--batch", 20);
        var kinds = (OptionText(args, "--kinds") ?? "bare,wall,board").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var gcdump = OptionText(args, "--gcdump");
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(30));
        var ct = cts.Token;
        await using var app = BoardApp.Start();
        await using var bare = await BareBlazorServer.StartAsync(WebContentRoot(), ct);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });

        var results = new List<KindResult>();
        // Each kind once unmeasured first, with the full count, so the measured pass starts from a warmed server: JIT,
        // caches, and the pools (DbContext, buffers) already grown to what that many open pages need. "After ÷ before"
        // then asks whether closing the pages gives back what opening them took — a leak — not whether pools exist.
        foreach (var (kind, measured) in new[] { false, true }.SelectMany(m => kinds.Select(k => (k, m))))
        {
            var address = kind == "bare" ? bare.BaseAddress : app.BaseAddress;
            var path = kind switch { "wall" => "/wall?panel=map", "board" => "/", _ => "/" };
            var account = kind == "wall" ? "display@demo" : "liaison@civil-affairs.demo";
            var count = circuits;
            var context = await browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = new() { Width = 1280, Height = 720 } });
            if (kind != "bare")
            {
                var signIn = await context.NewPageAsync();
                await signIn.GotoAsync("/account/login?returnUrl=%2F", new() { Timeout = 60_000 });
                await signIn.FillAsync("[data-testid=login-email]", account);
                await signIn.FillAsync("[data-testid=login-password]", Coordination.Web.Accounts.DemoAccounts.Password);
                await signIn.ClickAsync("[data-testid=login-submit]");
                await signIn.WaitForSelectorAsync("[data-testid=circuit-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
                await signIn.CloseAsync();
            }
            var before = await SettledAsync();
            if (measured && gcdump is not null)
            {
                await HeapDumpAsync(gcdump, kind + "-before", ct);
                before = await SettledAsync();
            }
            var pages = new List<IPage>(count);
            for (var opened = 0; opened < count; opened += batch)
            {
                ct.ThrowIfCancellationRequested();
                var round = await Task.WhenAll(Enumerable.Range(0, Math.Min(batch, count - opened)).Select(async _ =>
                {
                    var page = await context.NewPageAsync();
                    await page.GotoAsync(path, new() { Timeout = 120_000 });
                    await page.WaitForSelectorAsync("[data-testid=circuit-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 120_000 });
                    return page;
                }));
                pages.AddRange(round);
            }
            var peak = await SettledAsync();
            if (measured && gcdump is not null)
            {
                await HeapDumpAsync(gcdump, kind, ct);
            }
            foreach (var page in pages)
            {
                await page.CloseAsync();
            }
            await context.CloseAsync();
            // A closed tab ends its circuit; the server disposes it soon after. Measure once memory stops falling.
            var after = await ReleasedAsync(ct);
            if (measured && gcdump is not null)
            {
                await HeapDumpAsync(gcdump, kind + "-after", ct);
            }
            if (measured)
            {
                results.Add(new KindResult(kind, count, before, peak, after));
                Console.WriteLine($"{kind}: {count} circuits, per circuit {PerCircuit(before, peak, count).Managed / 1024.0:0} KB managed");
            }
        }

        var report = Render(results);
        Console.WriteLine();
        Console.WriteLine(report);
        var file = Path.Combine(BenchmarkMain.RepositoryRoot(), "bench-results", "circuits.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, report, ct);
        Console.WriteLine($"Written to {file}");
        return 0;
    }

    public static async Task<int> SoakAsync(string[] args)
    {
        var minutes = Option(args, "--minutes", 20);
        var every = Option(args, "--every-seconds", 3);
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(minutes + 5));
        var ct = cts.Token;
        await using var app = BoardApp.Start();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true, Args = ChromiumArgs });
        var context = await browser.NewContextAsync(new() { BaseURL = app.BaseAddress.ToString(), ViewportSize = new() { Width = 1920, Height = 1080 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=%2Fwall%3Frotate%3D5", new() { Timeout = 60_000 });
        await page.FillAsync("[data-testid=login-email]", "display@demo");
        await page.FillAsync("[data-testid=login-password]", Coordination.Web.Accounts.DemoAccounts.Password);
        await page.ClickAsync("[data-testid=login-submit]");
        await page.WaitForSelectorAsync("[data-testid=circuit-ready]", new() { State = WaitForSelectorState.Attached, Timeout = 60_000 });
        var cdp = await context.NewCDPSessionAsync(page);

        using var poster = new ScreeningPoster(app.BaseAddress, app.ApiKey("health"));
        var samples = new List<(double Minute, double JsHeapKb, int Nodes, long ServerManaged)>();
        var started = Stopwatch.GetTimestamp();
        var nextSample = TimeSpan.Zero;
        var posted = 0;
        while (Stopwatch.GetElapsedTime(started) < TimeSpan.FromMinutes(minutes))
        {
            if (posted == 0)
            {
                await poster.RegisterChildAsync(ct);
            }
            await poster.RecordAsync(ct);
            posted++;
            if (Stopwatch.GetElapsedTime(started) >= nextSample)
            {
                await page.EvaluateAsync("() => window.gc && window.gc()");
                var heap = await cdp.SendAsync("Runtime.getHeapUsage");
                var used = heap!.Value.GetProperty("usedSize").GetDouble();
                var nodes = await page.EvaluateAsync<int>("() => document.getElementsByTagName('*').length");
                var sample = (Stopwatch.GetElapsedTime(started).TotalMinutes, used / 1024, nodes, GC.GetTotalMemory(false));
                samples.Add(sample);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sample.Item1:0.0} min: JS heap {sample.Item2:0} KB, {nodes} elements, server managed {sample.Item4 / 1024 / 1024} MB, {posted} screenings"));
                nextSample += TimeSpan.FromMinutes(1);
            }
            await Task.Delay(TimeSpan.FromSeconds(every), ct);
        }
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Wall soak: {minutes} min, a screening every {every} s ({posted} in all)");
        sb.AppendLine();
        sb.AppendLine("| minute | JS heap (KB, after gc) | DOM elements | server managed heap (MB) |");
        sb.AppendLine("|---:|---:|---:|---:|");
        foreach (var s in samples)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {s.Minute:0.0} | {s.JsHeapKb:0} | {s.Nodes} | {s.ServerManaged / 1024.0 / 1024:0.0} |");
        }
        // Judged from the second minute on (the first holds start-up: the first feed fills, the JIT warms).
        if (samples.Count >= 3)
        {
            var from = samples[1];
            var to = samples[^1];
            var heapRatio = to.JsHeapKb / from.JsHeapKb;
            var nodeRatio = (double)to.Nodes / from.Nodes;
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"Goal: no growth of the page's JS heap or DOM element count (last ÷ minute-{from.Minute:0} sample ≤ 1.10) — JS heap {heapRatio:0.00}, elements {nodeRatio:0.00}: {(heapRatio <= 1.10 && nodeRatio <= 1.10 ? "met" : "NOT met")}.");
        }
        var report = sb.ToString();
        Console.WriteLine(report);
        var file = Path.Combine(BenchmarkMain.RepositoryRoot(), "bench-results", "wall-soak.md");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, report, ct);
        return 0;
    }

    /// <summary>
    /// <c>--gcdump DIR</c>: a heap dump of this process (the server) with every circuit of a kind open, for
    /// <c>dotnet-gcdump report DIR/wall.gcdump</c> (needs <c>dotnet tool install -g dotnet-gcdump</c>).
    /// </summary>
    private static async Task HeapDumpAsync(string folder, string kind, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var tool = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".dotnet", "tools", "dotnet-gcdump");
        using var dump = Process.Start(new ProcessStartInfo(File.Exists(tool) ? tool : "dotnet-gcdump",
            ["collect", "-p", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), "-o", Path.Combine(folder, kind + ".gcdump")]))
            ?? throw new InvalidOperationException("dotnet-gcdump did not start.");
        await dump.WaitForExitAsync(ct);
        Console.WriteLine($"{kind}: heap dump in {Path.Combine(folder, kind + ".gcdump")} (exit {dump.ExitCode})");
    }

    /// <summary>
    /// Server memory once collection no longer frees anything: full blocking collections until two in a row leave
    /// the managed heap within 1% (circuits released asynchronously free their memory over the first rounds).
    /// </summary>
    private static Task<Memory> SettledAsync()
    {
        var previous = long.MaxValue;
        for (var round = 0; round < 20; round++)
        {
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            var now = GC.GetTotalMemory(false);
            if (previous != long.MaxValue && Math.Abs(previous - now) <= previous / 100)
            {
                break;
            }
            previous = now;
        }
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return Task.FromResult(new Memory(GC.GetTotalMemory(false), process.WorkingSet64));
    }

    /// <summary>Settled memory, read again until two readings a poll apart agree within 1% (or 30 s have passed).</summary>
    private static async Task<Memory> ReleasedAsync(CancellationToken ct)
    {
        var deadline = Stopwatch.StartNew();
        var last = await SettledAsync();
        while (deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(250, ct); // polling interval of the condition below, not a fixed wait
            var now = await SettledAsync();
            if (Math.Abs(last.ManagedBytes - now.ManagedBytes) <= last.ManagedBytes / 100)
            {
                return now;
            }
            last = now;
        }
        return last;
    }

    private static (double Managed, double WorkingSet) PerCircuit(Memory before, Memory peak, int n) =>
        ((double)(peak.ManagedBytes - before.ManagedBytes) / n, (double)(peak.WorkingSetBytes - before.WorkingSetBytes) / n);

    private static string Render(IReadOnlyList<KindResult> results)
    {
        static string Mb(long b) => (b / 1024.0 / 1024).ToString("0.0", CultureInfo.InvariantCulture);
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"# Circuits: server memory, {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC");
        sb.AppendLine();
        sb.AppendLine("Managed heap (GC.GetTotalMemory after forced full collections) and working set of the server process, before, with every circuit open (peak) and after closing them.");
        sb.AppendLine();
        sb.AppendLine("| page | circuits | managed before / peak / after (MB) | working set before / peak / after (MB) | after ÷ before (managed) | per open circuit, managed (KB) | per open circuit, working set (KB) |");
        sb.AppendLine("|---|---:|---|---|---:|---:|---:|");
        foreach (var r in results)
        {
            var per = PerCircuit(r.Before, r.Peak, r.Circuits);
            sb.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Kind} | {r.Circuits} | {Mb(r.Before.ManagedBytes)} / {Mb(r.Peak.ManagedBytes)} / {Mb(r.After.ManagedBytes)} | {Mb(r.Before.WorkingSetBytes)} / {Mb(r.Peak.WorkingSetBytes)} / {Mb(r.After.WorkingSetBytes)} | {(double)r.After.ManagedBytes / r.Before.ManagedBytes:0.00} | {per.Managed / 1024:0} | {per.WorkingSet / 1024:0} |");
        }
        var bare = results.FirstOrDefault(r => r.Kind == "bare");
        if (bare is not null)
        {
            var bareKb = PerCircuit(bare.Before, bare.Peak, bare.Circuits).Managed / 1024;
            sb.AppendLine();
            foreach (var r in results.Where(r => r.Kind != "bare"))
            {
                var extra = PerCircuit(r.Before, r.Peak, r.Circuits).Managed / 1024 - bareKb;
                var ratio = (double)r.After.ManagedBytes / r.Before.ManagedBytes;
                sb.AppendLine(CultureInfo.InvariantCulture,
                    $"- {r.Kind}: {extra:0} KB managed per idle open circuit beyond the bare page's (goal ≤ 500: {(extra <= 500 ? "met" : "NOT met")}); after ÷ before {ratio:0.00} (goal ≤ 1.10: {(ratio <= 1.10 ? "met" : "NOT met")}).");
            }
        }
        return sb.ToString();
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            ? n
            : i >= 0 ? throw new ArgumentException($"{name} needs a positive whole number.") : fallback;
    }

    private static string? OptionText(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i < 0 ? null : i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[i + 1] : throw new ArgumentException($"{name} needs a value.");
    }

    private static string WebContentRoot() => Path.Combine(BenchmarkMain.RepositoryRoot(), "Coordination.Web");

}
