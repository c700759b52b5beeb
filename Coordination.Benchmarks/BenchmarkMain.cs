using System.Diagnostics;
using System.Text;

namespace Coordination.Benchmarks;

/// <summary>
/// The live-path benchmark: <c>dotnet run -c Release --project Coordination.Benchmarks -- [--rounds N]</c>.
/// (Not named Program: the board app's own <c>Program</c> is the one the factory starts.)
/// </summary>
internal static class BenchmarkMain
{
    public static async Task<int> Main(string[] args)
    {
        Console.OutputEncoding = Encoding.UTF8;
        if (args.Length > 0 && args[0] is "all" or "report")
        {
            return args[0] == "all" ? await AllBenchmarks.RunAsync(args[1..]) : await AllBenchmarks.ReportAsync();
        }
        if (args.Length > 0 && args[0] == "register")
        {
            return await RegisterMainAsync(args[1..]);
        }
        if (args.Length > 0 && args[0] == "figures")
        {
            var children = args.Length > 2 && args[1] == "--children" ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20_000;
            using var figuresTimeout = new CancellationTokenSource(TimeSpan.FromMinutes(30));
            var figuresReport = await FiguresBenchmark.RunAsync(children, 20, Console.Out, figuresTimeout.Token);
            Console.WriteLine();
            Console.WriteLine(figuresReport);
            var figuresPath = Path.Combine(RepositoryRoot(), "bench-results", "figures.md");
            Directory.CreateDirectory(Path.GetDirectoryName(figuresPath)!);
            await File.WriteAllTextAsync(figuresPath, figuresReport);
            Console.WriteLine($"Written to {figuresPath}");
            return 0;
        }
        if (args.Length > 0 && args[0] is "writes" or "write-load" or "snapshot")
        {
            return args[0] switch
            {
                "writes" => await WritesBenchmark.MainAsync(args[1..]),
                "write-load" => await WriteLoadBenchmark.MainAsync(args[1..]),
                _ => await SnapshotBenchmark.MainAsync(args[1..]),
            };
        }
        if (args.Length > 0 && args[0] == "import")
        {
            return await ImportBenchmark.MainAsync(args[1..]);
        }
        if (args.Length > 0 && args[0] is "circuits" or "soak")
        {
            return args[0] == "circuits" ? await CircuitMemoryBenchmark.CircuitsAsync(args[1..]) : await CircuitMemoryBenchmark.SoakAsync(args[1..]);
        }
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (ArgumentException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return 2;
        }

#if DEBUG
        Console.WriteLine("Warning: a Debug build; run with -c Release for numbers worth comparing.");
#endif

        using var cts = new CancellationTokenSource(options.OverallTimeout);
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };

        var at = DateTimeOffset.UtcNow;
        var started = Stopwatch.GetTimestamp();
        BenchResult result;
        try
        {
            result = await new LivePathBenchmark(options, Console.Out).RunAsync(cts.Token);
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            Console.Error.WriteLine($"Stopped: the run passed its overall limit of {options.OverallTimeout.TotalMinutes:0} minutes or was interrupted.");
            return 1;
        }

        var report = MarkdownReport.Render(result, at, Stopwatch.GetElapsedTime(started));
        Console.WriteLine();
        Console.WriteLine(report);
        var path = Path.Combine(RepositoryRoot(), "bench-results", "live-path.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report);
        Console.WriteLine($"Written to {path}");
        return 0;
    }

    /// <summary><c>-- register [--children N] [--screenings N] [--iterations N]</c>: the register's query benchmark.</summary>
    private static async Task<int> RegisterMainAsync(string[] args)
    {
        int children = 20_000, screenings = 200_000, iterations = 200;
        for (var i = 0; i + 1 < args.Length; i += 2)
        {
            var value = int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture);
            switch (args[i])
            {
                case "--children": children = value; break;
                case "--screenings": screenings = value; break;
                case "--iterations": iterations = value; break;
                default:
                    Console.Error.WriteLine("usage: -- register [--children N] [--screenings N] [--iterations N]");
                    return 2;
            }
        }
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        var report = await RegisterBenchmark.RunAsync(children, screenings, iterations, Console.Out, cts.Token);
        Console.WriteLine();
        Console.WriteLine(report);
        var path = Path.Combine(RepositoryRoot(), "bench-results", "register.md");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report);
        Console.WriteLine($"Written to {path}");
        return 0;
    }

    /// <summary>Prints <paramref name="report"/> and writes it to <c>bench-results/<paramref name="file"/></c>.</summary>
    internal static async Task SaveReportAsync(string file, string report)
    {
        Console.WriteLine();
        Console.WriteLine(report);
        var path = Path.Combine(RepositoryRoot(), "bench-results", file);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, report);
        Console.WriteLine($"Written to {path}");
    }

    // bench-results/ sits beside Coordination.sln, wherever the command was started from.
    internal static string RepositoryRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Coordination.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        return Directory.GetCurrentDirectory();
    }
}
