using System.Net;
using System.Net.Sockets;
using Coordination.Core.Access;
using Coordination.Core.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Coordination.Tests.Support;

/// <summary>
/// The real app on one fixed loopback port that a test stops and starts again, as a server restart does: the
/// same database file and the same data-protection keys (so a device's sign-in outlives the restart, as it does
/// on a real installation that keeps its keys), a new process state every time.
/// </summary>
public sealed class RestartableBoardApp : IAsyncDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "coordination-tests", Guid.NewGuid().ToString("N"));
    private readonly IReadOnlyDictionary<string, string?> _settings;
    private Instance? _running;

    public RestartableBoardApp(IReadOnlyDictionary<string, string?>? settings = null)
    {
        Directory.CreateDirectory(_directory);
        Port = FreePort();
        _settings = settings ?? new Dictionary<string, string?>();
    }

    public int Port { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}/");

    /// <summary>The key made at the first start for civil affairs' programs (kept in the database across restarts).</summary>
    public string ApiKey { get; private set; } = "";

    public IServiceProvider Services => (_running ?? throw new InvalidOperationException("not running")).Services;

    public async Task StartAsync()
    {
        if (_running is not null)
        {
            throw new InvalidOperationException("already running");
        }
        var first = !File.Exists(Path.Combine(_directory, "board.db"));
        _running = new Instance(this);
        _running.StartServer();
        if (first)
        {
            await using var scope = _running.Services.CreateAsyncScope();
            var accounts = scope.ServiceProvider.GetRequiredService<Coordination.Web.Accounts.AccountService>();
            await accounts.CreateAsync(BoardApp.EmailOf("civil-affairs", Role.Display), "civil-affairs", Role.Display, null, null, BoardApp.Password);
            ApiKey = (await _running.Services.GetRequiredService<ApiKeyService>().CreateAsync(BoardApp.Admin, "civil-affairs", "restart tests")).Secret;
        }
    }

    public async Task StopAsync()
    {
        if (_running is { } running)
        {
            _running = null;
            await running.DisposeAsync();
        }
    }

    public HttpClient Api()
    {
        var client = new HttpClient { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ApiKey);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Instance(RestartableBoardApp owner) : WebApplicationFactory<Program>
    {
        public new void StartServer()
        {
            UseKestrel(owner.Port);
            base.StartServer();
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            var settings = new Dictionary<string, string?>(owner._settings)
            {
                ["ConnectionStrings:Coordination"] = Database.ConnectionStringFor(Path.Combine(owner._directory, "board.db")),
                ["Demo:Seed"] = "false",
            };
            builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
            builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
            builder.ConfigureServices(services => services.AddDataProtection()
                .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(owner._directory, "keys")))
                .SetApplicationName("coordination-board-tests"));
        }
    }
}
