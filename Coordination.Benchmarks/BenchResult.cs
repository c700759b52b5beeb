namespace Coordination.Benchmarks;

/// <summary>Everything one run measured.</summary>
internal sealed class BenchResult(BenchOptions options)
{
    private readonly List<SizeResult> _sizes = [];

    public BenchOptions Options => options;

    public IReadOnlyList<SizeResult> Sizes => _sizes;

    public LatencySamples? Browser { get; set; }

    public (double Offset, double Uncertainty)[] ClockOffsets { get; set; } = [];

    public void Add(int clients, LatencySamples board, LatencySamples bare, LatencySamples api) =>
        _sizes.Add(new SizeResult(clients, board, bare, api));

    internal sealed record SizeResult(int Clients, LatencySamples Board, LatencySamples Bare, LatencySamples Api)
    {
        public double Ratio => Board.P95 / Bare.P95;
    }
}
