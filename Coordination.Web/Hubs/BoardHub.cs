using Microsoft.AspNetCore.SignalR;

namespace Coordination.Web.Hubs;

/// <summary>
/// The board for programs: pushes every committed event the caller may see as <c>BoardEvent(evt)</c>; a client
/// that was away calls <c>CatchUp(after)</c> with the last sequence it saw and gets what it missed, oldest first.
/// A township supervisor's connection hears its own township's events (and those of no township), as its catch-up
/// reads them: each connection joins the group of its scope, and <see cref="BoardHubForwarder"/> sends to groups.
/// </summary>
public sealed class BoardHub(BoardEventLog log, LiveKeyConnections keys) : Hub
{
    public const string Path = "/hubs/board";
    public const string EventMethod = "BoardEvent";

    /// <summary>Connections that read the whole city.</summary>
    public const string CityGroup = "scope:city";

    /// <summary>Every connection confined to a township: they hear the events of no township.</summary>
    public const string ConfinedGroup = "scope:confined";

    /// <summary>The connections confined to <paramref name="townshipKey"/>.</summary>
    public static string TownshipGroup(string townshipKey) => "scope:township:" + townshipKey;

    /// <summary>The groups an event is sent to: the city readers', and its township's (or every confined one's).</summary>
    public static IReadOnlyList<string> GroupsFor(BoardEventMessage e) =>
        e.Township is { } township ? [CityGroup, TownshipGroup(township)] : [CityGroup, ConfinedGroup];

    public override async Task OnConnectedAsync()
    {
        // The endpoint's policy already asked Rights.CanSeeBoardLines; the scope decides what this connection hears.
        var actor = Caller();
        if (!Rights.CanSeeBoardLines(actor))
        {
            Context.Abort();
            return;
        }
        if (Rights.ConfinedTo(actor) is { } township)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, ConfinedGroup, Context.ConnectionAborted);
            await Groups.AddToGroupAsync(Context.ConnectionId, TownshipGroup(township), Context.ConnectionAborted);
        }
        else
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, CityGroup, Context.ConnectionAborted);
        }
        keys.Connected(Context);
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        keys.Disconnected(Context);
        return base.OnDisconnectedAsync(exception);
    }

    /// <summary>The events after <paramref name="after"/>, at most 1000; call again with the last one's sequence for more.</summary>
    public Task<IReadOnlyList<BoardEventMessage>> CatchUp(long after) =>
        log.AfterAsync(Caller(), Math.Max(0, after), BoardEventLog.MaxPage, Context.ConnectionAborted);

    private Actor Caller() =>
        Accounts.AccountClaims.ToActor(Context.User, null) ?? throw new HubException("Not signed in.");
}
