namespace Coordination.Benchmarks;

/// <summary>The latencies of one target at one size, in milliseconds, with the deliveries that never came.</summary>
internal sealed class LatencySamples(string target, string clients, int rounds)
{
    private readonly List<double> _ms = [];

    public string Target => target;

    public string Clients => clients;

    public int Rounds => rounds;

    public int Missed { get; private set; }

    public int Count => _ms.Count;

    public void Add(double ms) => _ms.Add(ms);

    public void AddMissed(int count) => Missed += count;

    public double P50 => Percentile(50);

    public double P95 => Percentile(95);

    public double Max => _ms.Count == 0 ? double.NaN : _ms.Max();

    /// <summary>Nearest-rank percentile: the smallest sample with at least p% of samples at or below it.</summary>
    public double Percentile(double p)
    {
        if (_ms.Count == 0)
        {
            return double.NaN;
        }
        var sorted = _ms.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100.0 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
