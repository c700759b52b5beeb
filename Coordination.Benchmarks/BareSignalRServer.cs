using System.Net;
using Coordination.Core.Board;
using Coordination.Web.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Benchmarks;

/// <summary>
/// The baseline: a minimal Kestrel app with an empty hub on another loopback port in this process, broadcasting
/// with the same JSON settings as the board's hub.
/// </summary>
internal sealed class BareSignalRServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BareSignalRServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri HubUrl => new(BaseAddress, BareHub.Path);

    public static async Task<BareSignalRServer> StartAsync(CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        builder.Services.AddSignalR().AddJsonProtocol(o => ApiJson.Configure(o.PayloadSerializerOptions));
        var app = builder.Build();
        app.MapHub<BareHub>(BareHub.Path);
        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel reported no address.");
        return new BareSignalRServer(app, new Uri(address));
    }

    /// <summary>Broadcasts to every client, as the board's forwarder does.</summary>
    public Task BroadcastAsync(BoardEventMessage payload, CancellationToken ct) =>
        _app.Services.GetRequiredService<IHubContext<BareHub>>().Clients.All.SendAsync(HubClientFleet.EventMethod, payload, ct);

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }
}
