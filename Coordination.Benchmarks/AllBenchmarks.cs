using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Coordination.Benchmarks;

/// <summary>
/// <c>-- all [--soak-minutes 20]</c>: every benchmark, each in a process of its own (so one's memory is not the
/// next one's start), one after another, then <c>docs/PERFORMANCE.md</c> made from their reports.
/// <c>-- report</c>: only remakes the page from the reports in <c>bench-results/</c>, keeping what the page said of
/// a benchmark with no report there (marked as kept).
/// </summary>
internal static class AllBenchmarks
{
    private sealed record Step(string Key, string Title, string Report, string[] Args);

    private static Step[] Steps(int soakMinutes) =>
    [
        new("live-path", "The live path (save → every listener)", "live-path.md", []),
        new("writes", "Sustained writes through the API (beside a raw INSERT loop)", "writes.md", ["writes"]),
        new("write-load", "The board under write load (save → shown while 20 writers post)", "write-load.md", ["write-load"]),
        new("snapshot", "The board snapshot at city scale", "snapshot.md", ["snapshot"]),
        new("register", "The register (page queries and a profile)", "register.md", ["register"]),
        new("figures", "Quarterly figures and the workbook", "figures.md", ["figures"]),
        new("import", "Importing a register (dry run and apply)", "import.md", ["import"]),
        new("circuits", "Circuits: server memory per open wall and board", "circuits.md", ["circuits"]),
        new("soak", "The wall left running", "wall-soak.md", ["soak", "--minutes", soakMinutes.ToString(CultureInfo.InvariantCulture)]),
    ];

    private static string Results => Path.Combine(BenchmarkMain.RepositoryRoot(), "bench-results");

    public static async Task<int> RunAsync(string[] args)
    {
        var soakMinutes = 20;
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--soak-minutes" && i + 1 < args.Length && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m > 0)
            {
                soakMinutes = m;
                i++;
            }
            else
            {
                Console.Error.WriteLine("usage: -- all [--soak-minutes N]   (every benchmark, then docs/PERFORMANCE.md)");
                return 2;
            }
        }
#if DEBUG
        Console.WriteLine("Warning: a Debug build; run with -c Release for numbers worth comparing.");
#endif
        var runs = new List<string>();
        var failed = 0;
        foreach (var step in Steps(soakMinutes))
        {
            // A stale report must not pass for this run's.
            File.Delete(Path.Combine(Results, step.Report));
            Console.WriteLine($"==== {step.Key} ====");
            var started = Stopwatch.GetTimestamp();
            var code = await RunChildAsync(step.Args);
            var took = Stopwatch.GetElapsedTime(started);
            failed += code == 0 ? 0 : 1;
            runs.Add(string.Create(CultureInfo.InvariantCulture, $"| {step.Key} | {(code == 0 ? "ran" : $"FAILED (exit {code})")} | {took.TotalMinutes:0.0} min |"));
        }
        await WriteAsync(runs);
        return failed == 0 ? 0 : 1;
    }

    public static async Task<int> ReportAsync()
    {
        await WriteAsync(null);
        return 0;
    }

    /// <summary>This same benchmark program, with other arguments, its output passed through.</summary>
    private static async Task<int> RunChildAsync(string[] args)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!) { UseShellExecute = false };
        // Under the dotnet host the program is its dll; as its own apphost ("Coordination.Benchmarks", whose
        // ".Benchmarks" GetFileNameWithoutExtension takes for an extension) it is the process itself.
        if (Path.GetFileName(Environment.ProcessPath!) is "dotnet" or "dotnet.exe")
        {
            start.ArgumentList.Add(typeof(AllBenchmarks).Assembly.Location);
        }
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        await process.WaitForExitAsync();
        return process.ExitCode;
    }

    private static async Task WriteAsync(IReadOnlyList<string>? runs)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Performance");
        sb.AppendLine();
        sb.AppendLine("Made by `dotnet run -c Release --project Coordination.Benchmarks -- all` (every benchmark, each in its own");
        sb.AppendLine("process, then this page; about 50 minutes with the 20-minute wall soak). Do not edit by hand: run it again.");
        if (runs is null)
        {
            sb.AppendLine();
            sb.AppendLine("This page was remade by `-- report` from `bench-results/`: a benchmark with no report there keeps what the page");
            sb.AppendLine("before said of it, marked *kept*, with its own date (and so perhaps another commit).");
        }
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Made: {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, commit {Commit()}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024):0} GiB, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
        sb.AppendLine("- Everything (server, clients, browsers) shares this machine: absolute times are pessimistic for a dedicated server.");
        sb.AppendLine();
        if (runs is not null)
        {
            sb.AppendLine("| benchmark | run | took |");
            sb.AppendLine("|---|---|---:|");
            foreach (var run in runs)
            {
                sb.AppendLine(run);
            }
            sb.AppendLine();
        }
        var steps = Steps(20);
        var reports = steps.Select(s => (Step: s, Path: Path.Combine(Results, s.Report))).ToList();
        var page = Path.Combine(BenchmarkMain.RepositoryRoot(), "docs", "PERFORMANCE.md");
        // `report` alone keeps what the page says of a benchmark that has no report here (run elsewhere, or before);
        // `all` never does: there a missing report means the step failed.
        var kept = runs is null && File.Exists(page) ? Previous(await File.ReadAllLinesAsync(page), steps) : [];
        sb.AppendLine("## Goals");
        sb.AppendLine();
        foreach (var (step, path) in reports)
        {
            if (!File.Exists(path))
            {
                if (kept.TryGetValue(step.Key, out var old) && old.Goals.Count > 0)
                {
                    foreach (var line in old.Goals)
                    {
                        sb.AppendLine(CultureInfo.InvariantCulture, $"{line.TrimEnd()} *(kept from the page before: not re-run)*");
                    }
                }
                else
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"- {step.Key}: no report (not run, or it failed)");
                }
                continue;
            }
            foreach (var line in (await File.ReadAllLinesAsync(path)).Where(IsGoal))
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"- {step.Key}: {line.TrimStart('-', ' ')}");
            }
        }
        foreach (var (step, path) in reports.Where(r => File.Exists(r.Path) || kept.ContainsKey(r.Step.Key)))
        {
            if (!File.Exists(path))
            {
                sb.AppendLine();
                sb.AppendLine(CultureInfo.InvariantCulture, $"## {step.Title}");
                sb.AppendLine();
                sb.AppendLine(CultureInfo.InvariantCulture, $"*Kept from the page before: no `bench-results/{step.Report}` when this page was made.*");
                foreach (var line in kept[step.Key].Section)
                {
                    sb.AppendLine(line);
                }
                continue;
            }
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {step.Title}");
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"Alone: `dotnet run -c Release --project Coordination.Benchmarks -- {string.Join(' ', step.Args)}` (report `bench-results/{step.Report}`, written {File.GetLastWriteTimeUtc(path):yyyy-MM-dd HH:mm} UTC).");
            sb.AppendLine();
            // The reports' own headings go one level down under this page's.
            foreach (var line in await File.ReadAllLinesAsync(path))
            {
                sb.AppendLine(line.StartsWith('#') ? "##" + line : line);
            }
        }
        Directory.CreateDirectory(Path.GetDirectoryName(page)!);
        await File.WriteAllTextAsync(page, sb.ToString());
        Console.WriteLine($"Written to {page}");
    }

    /// <summary>Each benchmark's goal lines and section (below its heading, without the heading) on the page as it is.</summary>
    private static Dictionary<string, (List<string> Goals, List<string> Section)> Previous(string[] lines, Step[] steps)
    {
        var result = new Dictionary<string, (List<string> Goals, List<string> Section)>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            var goals = lines.Where(l => l.StartsWith($"- {step.Key}: ", StringComparison.Ordinal) && !l.Contains("no report (not run", StringComparison.Ordinal)).ToList();
            var start = Array.IndexOf(lines, $"## {step.Title}");
            var section = new List<string>();
            for (var i = start + 1; start >= 0 && i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
            {
                // The note of an earlier keep is written again above.
                if (!lines[i].StartsWith("*Kept from the page before", StringComparison.Ordinal))
                {
                    section.Add(lines[i]);
                }
            }
            while (section.Count > 0 && section[^1].Length == 0)
            {
                section.RemoveAt(section.Count - 1);
            }
            if (start >= 0)
            {
                result[step.Key] = (goals.Select(g => g.Replace(" *(kept from the page before: not re-run)*", "", StringComparison.Ordinal)).ToList(), section);
            }
        }
        return result;
    }

    /// <summary>The reports judge each goal on a line of its own that says "met" or "NOT met".</summary>
    private static bool IsGoal(string line) =>
        !line.StartsWith('|') && (line.Contains(": met", StringComparison.Ordinal) || line.Contains("**met**", StringComparison.Ordinal)
            || line.Contains("NOT met", StringComparison.Ordinal));

    private static string Commit()
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, UseShellExecute = false, WorkingDirectory = BenchmarkMain.RepositoryRoot() };
            using var git = Process.Start(start)!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : "unknown";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "unknown";
        }
    }
}
