using System.Net.Http.Headers;
using Coordination.Core;
using Coordination.Core.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Tests.Support;

/// <summary>
/// The real board app on a free loopback port (Kestrel, real sockets) with its own SQLite file, migrated
/// at start exactly as <c>dotnet run</c> does. Demo data only when asked for.
/// </summary>
public sealed class BoardApp : WebApplicationFactory<Program>
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N"));
    private readonly bool _demo;
    private readonly TimeProvider? _time;

    public BoardApp() : this(demo: false)
    {
    }

    public BoardApp(bool demo) : this(demo, time: null)
    {
    }

    /// <summary>The app on a clock the test moves (a <c>FakeTimeProvider</c>): due times and the overdue watch follow it.</summary>
    public BoardApp(TimeProvider time) : this(demo: false, time)
    {
    }

    private BoardApp(bool demo, TimeProvider? time)
    {
        _demo = demo;
        _time = time;
        Directory.CreateDirectory(_directory);
        UseKestrel(0);
        StartServer();
    }

    public string DatabasePath => Path.Combine(_directory, "board.db");

    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Coordination"] = Database.ConnectionStringFor(DatabasePath),
            ["Demo:Seed"] = _demo ? "true" : "false",
        }));
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        if (_time is not null)
        {
            builder.ConfigureServices(services => services.AddSingleton(_time));
        }
    }

    /// <summary>An API client acting for <paramref name="agency"/> (or anonymous).</summary>
    public HttpClient Api(string? agency)
    {
        var client = new HttpClient { BaseAddress = Address };
        if (agency is not null)
        {
            client.DefaultRequestHeaders.Add("X-Agency", agency);
        }
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    public HubConnection Hub() =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(Address, "/hubs/board"))
            .Build();

    /// <summary>Counts rows straight from the file, to prove what was (not) written.</summary>
    public async Task<(int Children, int Screenings, int Events)> CountRowsAsync()
    {
        var factory = Services.GetRequiredService<IDbContextFactory<CoordinationDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return (await db.Children.CountAsync(), await db.Screenings.CountAsync(), await db.BoardEvents.CountAsync());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left to the temp folder's cleanup.
        }
    }
}
