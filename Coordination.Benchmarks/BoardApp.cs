using System.Net;
using Coordination.Core.Board;
using Coordination.Core.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Coordination.Benchmarks;

/// <summary>
/// The board app served by Kestrel on a free loopback port inside this process.
/// </summary>
/// <remarks>
/// Why in-process rather than a child process: the bare SignalR baseline has to run in this process (the
/// benchmark sends through its IHubContext), so hosting the board here too puts both servers under exactly the
/// same conditions: the same runtime, GC and thread pool, sharing the two cores with the same client fleet.
/// The ratio board/bare then measures the board's own path (HTTP, save, notifier, forwarder), not a
/// difference in hosting. Every timestamp also comes from one Stopwatch. The clients still talk to the
/// server through real loopback sockets (HTTP and WebSockets), exactly as outside programs do.
/// </remarks>
internal sealed class BoardApp : IAsyncDisposable
{
    private readonly BoardAppFactory _factory;
    private readonly string _directory;

    private BoardApp(BoardAppFactory factory, string directory, Uri baseAddress)
    {
        _factory = factory;
        _directory = directory;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri HubUrl => new(BaseAddress, "/hubs/board");

    public IServiceProvider Services => _factory.Services;

    /// <summary>An API key of <paramref name="agency"/>, made through the app's own key service (programs sign in with keys).</summary>
    public string ApiKey(string agency) =>
        Services.GetRequiredService<Coordination.Core.Access.ApiKeyService>()
            .CreateAsync(new Coordination.Core.Actor("civil-affairs", "bench", Coordination.Core.Access.Role.Admin, From: "bench"), agency, "bench")
            .GetAwaiter().GetResult().Secret;

    public int NotifierSubscribers => Services.GetRequiredService<InProcessBoardNotifier>().SubscriberCount;

    public static BoardApp Start()
    {
        var directory = Path.Combine(Path.GetTempPath(), "coordination-bench-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var connectionString = Database.ConnectionStringFor(Path.Combine(directory, "coordination.db"));
        var factory = new BoardAppFactory(connectionString);
        try
        {
            factory.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
            factory.StartServer();
            var address = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
                ?? throw new InvalidOperationException("Kestrel reported no address.");
            return new BoardApp(factory, directory, new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)));
        }
        catch
        {
            factory.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open only leaves a temp folder behind.
        }
    }
}
