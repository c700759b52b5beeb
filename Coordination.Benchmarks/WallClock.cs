namespace Coordination.Benchmarks;

/// <summary>The machine's wall clock in Unix milliseconds, the scale of a browser's <c>performance.timeOrigin + performance.now()</c>.</summary>
internal static class WallClock
{
    public static double EpochMs() => (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;
}
