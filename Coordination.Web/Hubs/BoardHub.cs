using Coordination.Core.Board;
using Microsoft.AspNetCore.SignalR;

namespace Coordination.Web.Hubs;

/// <summary>
/// The board for programs: pushes every committed event as <c>BoardEvent(evt)</c>; a client that was away
/// calls <c>CatchUp(after)</c> with the last sequence it saw and gets what it missed, oldest first.
/// </summary>
public sealed class BoardHub(BoardEventLog log, LiveKeyConnections keys) : Hub
{
    public const string Path = "/hubs/board";
    public const string EventMethod = "BoardEvent";

    public override Task OnConnectedAsync()
    {
        keys.Connected(Context);
        return base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        keys.Disconnected(Context);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The events after <paramref name="after"/>, at most 1000; call again with the last one's sequence for more.</summary>
    public Task<IReadOnlyList<BoardEventMessage>> CatchUp(long after) =>
        log.AfterAsync(
            Accounts.AccountClaims.ToActor(Context.User, null) ?? throw new HubException("Not signed in."),
            Math.Max(0, after), BoardEventLog.MaxPage, Context.ConnectionAborted);
}
