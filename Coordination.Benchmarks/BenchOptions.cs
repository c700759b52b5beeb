using System.Globalization;

namespace Coordination.Benchmarks;

/// <summary>What one run measures; every loop in the run is bounded by these numbers.</summary>
internal sealed record BenchOptions
{
    public int Rounds { get; init; } = 30;

    public int BrowserRounds { get; init; } = 20;

    public int Warmup { get; init; } = 3;

    public IReadOnlyList<int> Sizes { get; init; } = [10, 100, 500];

    public int Browsers { get; init; } = 5;

    public bool SkipBrowsers { get; init; }

    /// <summary>Connections opened at once: 500 connect in seconds without swamping two cores.</summary>
    public int ConnectConcurrency { get; init; } = 50;

    /// <summary>How long one round may wait for every client before its stragglers count as missed.</summary>
    public TimeSpan RoundTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public TimeSpan OverallTimeout { get; init; } = TimeSpan.FromMinutes(20);

    public const string Usage =
        "dotnet run -c Release --project Coordination.Benchmarks -- [--rounds N] [--browser-rounds N] [--warmup N] " +
        "[--sizes 10,100,500] [--browsers N] [--no-browsers] [--timeout-minutes N]";

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.\n{Usage}");
            int Positive() => int.TryParse(Next(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
                ? n
                : throw new ArgumentException($"{arg} needs a positive whole number.\n{Usage}");
            options = arg switch
            {
                "--rounds" => options with { Rounds = Positive() },
                "--browser-rounds" => options with { BrowserRounds = Positive() },
                "--warmup" => options with { Warmup = int.Parse(Next(), NumberStyles.None, CultureInfo.InvariantCulture) },
                "--sizes" => options with
                {
                    Sizes = Next().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Select(s => int.Parse(s, NumberStyles.None, CultureInfo.InvariantCulture))
                        .ToArray(),
                },
                "--browsers" => options with { Browsers = Positive() },
                "--no-browsers" => options with { SkipBrowsers = true },
                "--timeout-minutes" => options with { OverallTimeout = TimeSpan.FromMinutes(Positive()) },
                "--help" or "-h" => throw new ArgumentException(Usage),
                _ => throw new ArgumentException($"Unknown argument '{arg}'.\n{Usage}"),
            };
        }
        return options;
    }
}
