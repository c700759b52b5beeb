using Coordination.Core.Board;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Coordination.Benchmarks;

/// <summary>
/// N SignalR clients on one hub, each recording when it receives <c>BoardEvent</c>. The same fleet code is
/// used against the board's hub and the bare one, so client-side cost is the same on both sides.
/// </summary>
internal sealed class HubClientFleet : IAsyncDisposable
{
    public const string EventMethod = "BoardEvent";

    private readonly List<HubConnection> _connections;

    private HubClientFleet(List<HubConnection> connections, ArrivalRecorder recorder)
    {
        _connections = connections;
        Recorder = recorder;
    }

    public ArrivalRecorder Recorder { get; }

    public int Count => _connections.Count;

    public static async Task<HubClientFleet> ConnectAsync(Uri hubUrl, int clients, int concurrency, string? accessToken, CancellationToken ct)
    {
        var recorder = new ArrivalRecorder(clients);
        var connections = new HubConnection[clients];
        for (var i = 0; i < clients; i++)
        {
            var client = i;
            var connection = new HubConnectionBuilder()
                .WithUrl(hubUrl, o =>
                {
                    // Straight to WebSockets, as browsers and most clients end up: the negotiate round trip only slows the connect.
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    if (accessToken is not null)
                    {
                        o.AccessTokenProvider = () => Task.FromResult<string?>(accessToken);
                    }
                })
                .Build();
            connection.On<BoardEventMessage>(EventMethod, e => recorder.Record(e.Sequence, client));
            connections[i] = connection;
        }
        var fleet = new HubClientFleet([.. connections], recorder);
        try
        {
            await Parallel.ForEachAsync(
                connections,
                new ParallelOptions { MaxDegreeOfParallelism = concurrency, CancellationToken = ct },
                static async (c, token) => await c.StartAsync(token));
        }
        catch
        {
            await fleet.DisposeAsync();
            throw;
        }
        return fleet;
    }

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(
            _connections,
            new ParallelOptions { MaxDegreeOfParallelism = 50 },
            static async (c, _) =>
            {
                try
                {
                    await c.StopAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
                catch (Exception ex) when (ex is TimeoutException or OperationCanceledException or InvalidOperationException)
                {
                    // A connection that will not stop cleanly is disposed below all the same.
                }
                await c.DisposeAsync();
            });
    }
}
