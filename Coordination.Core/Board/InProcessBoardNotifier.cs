using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Coordination.Core.Board;

/// <summary>The notifier for one server process: a queue and a reader loop per subscriber.</summary>
public sealed partial class InProcessBoardNotifier(ILogger<InProcessBoardNotifier> logger) : IBoardNotifier
{
    private ImmutableArray<Subscription> _subscriptions = [];

    public int SubscriberCount => _subscriptions.Length;

    public void Publish(IReadOnlyList<BoardEventMessage> events)
    {
        foreach (var subscription in _subscriptions)
        {
            foreach (var e in events)
            {
                subscription.Queue.Writer.TryWrite(e);
            }
        }
    }

    public IDisposable Subscribe(Func<BoardEventMessage, Task> handler)
    {
        var subscription = new Subscription(this, handler);
        ImmutableInterlocked.Update(ref _subscriptions, static (list, s) => list.Add(s), subscription);
        subscription.Start();
        return subscription;
    }

    private void Remove(Subscription subscription) =>
        ImmutableInterlocked.Update(ref _subscriptions, static (list, s) => list.Remove(s), subscription);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A board subscriber failed on event {Sequence}")]
    private partial void SubscriberFailed(Exception exception, long sequence);

    private sealed class Subscription(InProcessBoardNotifier owner, Func<BoardEventMessage, Task> handler) : IDisposable
    {
        public Channel<BoardEventMessage> Queue { get; } =
            Channel.CreateUnbounded<BoardEventMessage>(new UnboundedChannelOptions { SingleReader = true });

        public void Start() => _ = Task.Run(ReadLoop);

        private async Task ReadLoop()
        {
            await foreach (var e in Queue.Reader.ReadAllAsync())
            {
                try
                {
                    await handler(e);
                }
                catch (Exception ex)
                {
                    owner.SubscriberFailed(ex, e.Sequence);
                }
            }
        }

        public void Dispose()
        {
            owner.Remove(this);
            Queue.Writer.TryComplete();
        }
    }
}
