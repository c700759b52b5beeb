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

    // bench-results/ sits beside Coordination.sln, wherever the command was started from.
    private static string RepositoryRoot()
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
