namespace Coordination.Core.Board;

/// <summary>
/// Publishes committed board events to everyone listening in this process: open boards and the hub.
/// Each subscriber receives events in publish order on its own queue, so a slow one delays nobody else.
/// </summary>
public interface IBoardNotifier
{
    /// <summary>Called after the change is committed; never blocks on subscribers.</summary>
    void Publish(IReadOnlyList<BoardEventMessage> events);

    IDisposable Subscribe(Func<BoardEventMessage, Task> handler);
}
