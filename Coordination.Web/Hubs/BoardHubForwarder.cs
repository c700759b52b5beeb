using Microsoft.AspNetCore.SignalR;

namespace Coordination.Web.Hubs;

/// <summary>Forwards every event the notifier publishes to the hub's clients that may see it (<see cref="BoardHub.GroupsFor"/>).</summary>
public sealed class BoardHubForwarder(IBoardNotifier notifier, IHubContext<BoardHub> hub) : IHostedService
{
    private IDisposable? _subscription;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _subscription = notifier.Subscribe(e => hub.Clients.Groups(BoardHub.GroupsFor(e)).SendAsync(BoardHub.EventMethod, e, CancellationToken.None));
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }
}
