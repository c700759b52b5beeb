using System.Collections.Concurrent;
using System.Diagnostics;

namespace Coordination.Benchmarks;

/// <summary>
/// When each client saw each event, keyed by the event's sequence. An event may arrive before the POST that
/// caused it has returned its sequence, so arrivals are kept until the round asks for them.
/// </summary>
internal sealed class ArrivalRecorder(int clients)
{
    private readonly ConcurrentDictionary<long, Arrivals> _bySequence = new();

    /// <summary>Called on a client's receive path: takes the time first, then does the bookkeeping.</summary>
    public void Record(long sequence, int client)
    {
        var now = Stopwatch.GetTimestamp();
        For(sequence).Set(client, now);
    }

    public Arrivals For(long sequence) => _bySequence.GetOrAdd(sequence, static (_, n) => new Arrivals(n), clients);

    public void Forget(long sequence) => _bySequence.TryRemove(sequence, out _);

    internal sealed class Arrivals(int clients)
    {
        private readonly long[] _at = new long[clients];
        private int _count;
        private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when every client has seen the event.</summary>
        public Task All => _all.Task;

        public void Set(int client, long timestamp)
        {
            if (Interlocked.CompareExchange(ref _at[client], timestamp, 0) == 0
                && Interlocked.Increment(ref _count) == _at.Length)
            {
                _all.TrySetResult();
            }
        }

        /// <summary>Milliseconds from <paramref name="start"/> to each arrival; the count of clients that never saw it.</summary>
        public (IReadOnlyList<double> Ms, int Missed) Since(long start)
        {
            var ms = new List<double>(_at.Length);
            var missed = 0;
            for (var i = 0; i < _at.Length; i++)
            {
                var at = Volatile.Read(ref _at[i]);
                if (at == 0)
                {
                    missed++;
                }
                else
                {
                    ms.Add(Stopwatch.GetElapsedTime(start, at).TotalMilliseconds);
                }
            }
            return (ms, missed);
        }
    }
}
